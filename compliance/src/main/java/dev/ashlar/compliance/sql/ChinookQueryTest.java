package dev.ashlar.compliance.sql;

import static dev.ashlar.core.sql.Sql.cast;
import static dev.ashlar.core.sql.Sql.count;
import static dev.ashlar.core.sql.Sql.cte;
import static dev.ashlar.core.sql.Sql.partitionBy;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.sql.Sql.sum;
import static dev.ashlar.core.sql.Sql.value;
import static dev.ashlar.core.sql.Sql.withRecursive;
import static dev.ashlar.core.types.Types.integer;
import static dev.ashlar.core.types.Types.numeric;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.Row;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Cte;
import dev.ashlar.core.sql.Expression;
import dev.ashlar.core.sql.Labeled;
import dev.ashlar.core.sql.Query;
import dev.ashlar.core.sql.Select;
import dev.ashlar.core.sql.TableAlias;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import dev.ashlar.testkit.VendorSql;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic queries over Chinook written with the query language, each checked row for row
 * against the same query in plain SQL through JDBC.
 */
class ChinookQueryTest {
    /** The Chinook tables this test reads, named as the database names them. */
    static final class Music {
        final VendorSql vendor;
        final MetaData md = new MetaData();
        final Column<Integer> artistId;
        final Column<String> artistName;
        final Table artist;
        final Column<Integer> albumId;
        final Column<Integer> albumArtist;
        final Table album;
        final Column<Integer> trackId;
        final Column<Integer> trackAlbum;
        final Table track;
        final Column<Integer> lineId;
        final Column<Integer> lineTrack;
        final Column<BigDecimal> linePrice;
        final Column<Integer> lineQuantity;
        final Table invoiceLine;
        final Column<Integer> invoiceId;
        final Column<Integer> invoiceCustomer;
        final Column<String> billingCountry;
        final Column<BigDecimal> total;
        final Table invoice;
        final Column<Integer> employeeId;
        final Column<Integer> reportsTo;
        final Table employee;

        Music(TestDatabase db) {
            this.vendor = db.vendor();
            artistId = Column.of(c("artist_id"), integer()).primaryKey();
            artistName = Column.of(c("name"), string(120));
            artist = md.table(t("artist"), artistId, artistName);
            albumId = Column.of(c("album_id"), integer()).primaryKey();
            albumArtist = Column.of(c("artist_id"), integer()).references(artistId);
            album = md.table(t("album"), albumId, albumArtist);
            trackId = Column.of(c("track_id"), integer()).primaryKey();
            trackAlbum = Column.of(c("album_id"), integer()).references(albumId);
            track = md.table(t("track"), trackId, trackAlbum);
            invoiceId = Column.of(c("invoice_id"), integer()).primaryKey();
            invoiceCustomer = Column.of(c("customer_id"), integer());
            billingCountry = Column.of(c("billing_country"), string(40));
            total = Column.of(c("total"), numeric(10, 2));
            invoice = md.table(t("invoice"), invoiceId, invoiceCustomer, billingCountry, total);
            lineId = Column.of(c("invoice_line_id"), integer()).primaryKey();
            Column<Integer> lineInvoice = Column.of(c("invoice_id"), integer()).references(invoiceId);
            lineTrack = Column.of(c("track_id"), integer()).references(trackId);
            linePrice = Column.of(c("unit_price"), numeric(10, 2));
            lineQuantity = Column.of(c("quantity"), integer());
            invoiceLine = md.table(t("invoice_line"), lineId, lineInvoice, lineTrack, linePrice, lineQuantity);
            employeeId = Column.of(c("employee_id"), integer()).primaryKey();
            reportsTo = Column.of(c("reports_to"), integer());
            employee = md.table(t("employee"), employeeId, reportsTo);
        }

        String t(String snake) {
            return vendor.chinookName(snake);
        }

        String c(String snake) {
            return vendor.chinookName(snake);
        }
    }

    /**
     * Chinook on {@code db}'s server. It is there whenever {@code db} is: Chinook is missing only on a
     * server that cannot be reached, and a test never receives such a database (it is reported as
     * skipped outside CI and fails the run with {@code CI=true}). So a missing Chinook fails the test,
     * as does a third-party dialect whose {@link VendorSql} does not load it.
     */
    private static TestDatabase chinook(TestDatabase db) {
        return db.vendor().chinook();
    }

    @AllDatabases
    void topSellingArtists(TestDatabase db) throws Exception {
        TestDatabase chinook = chinook(db);
        Music m = new Music(db);
        Labeled<BigDecimal> sales = sum(m.linePrice.mul(cast(m.lineQuantity, numeric(10, 0)))).as("sales");
        Select q = select(m.artistName, sales).from(m.artist).join(m.album).join(m.track).join(m.invoiceLine)
                .groupBy(m.artistId, m.artistName).orderBy(sales.desc(), m.artistName.asc()).limit(10);
        String sql = "SELECT ar." + m.c("name") + ", sum(il." + m.c("unit_price") + " * il." + m.c("quantity") + ") AS s"
                + " FROM " + m.t("artist") + " ar JOIN " + m.t("album") + " al ON al." + m.c("artist_id") + " = ar." + m.c("artist_id")
                + " JOIN " + m.t("track") + " tr ON tr." + m.c("album_id") + " = al." + m.c("album_id")
                + " JOIN " + m.t("invoice_line") + " il ON il." + m.c("track_id") + " = tr." + m.c("track_id")
                + " GROUP BY ar." + m.c("artist_id") + ", ar." + m.c("name") + " ORDER BY s DESC, ar." + m.c("name") + " ASC LIMIT 10";
        List<List<String>> rows = compare(chinook, q, sql);
        assertThat(rows).hasSize(10);
        assertThat(rows.get(0)).containsExactly("Iron Maiden", "138.6");
    }

    @AllDatabases
    void invoiceTotalsByCountry(TestDatabase db) throws Exception {
        TestDatabase chinook = chinook(db);
        Music m = new Music(db);
        Labeled<BigDecimal> sum = sum(m.total).as("sum");
        Select q = select(m.billingCountry, count().as("invoices"), sum).from(m.invoice).groupBy(m.billingCountry)
                .having(count().ge(10L)).orderBy(sum.desc(), m.billingCountry.asc());
        String country = m.c("billing_country");
        String sql = "SELECT " + country + ", count(*), sum(" + m.c("total") + ") AS s FROM " + m.t("invoice")
                + " GROUP BY " + country + " HAVING count(*) >= 10 ORDER BY s DESC, " + country + " ASC";
        List<List<String>> rows = compare(chinook, q, sql);
        assertThat(rows.get(0)).containsExactly("USA", "91", "523.06");
    }

    @AllDatabases
    void reportingChains(TestDatabase db) throws Exception {
        TestDatabase chinook = chinook(db);
        Music m = new Music(db);
        Cte chain = cte("chain");
        Expression<Integer> emp = chain.col("emp", integer());
        Expression<Integer> boss = chain.col("boss", integer());
        Expression<Integer> depth = chain.col("depth", integer());
        TableAlias e = m.employee.as("e");
        chain = chain.as(select(m.employeeId.as("emp"), m.reportsTo.as("boss"), value(1, integer()).as("depth"))
                .from(m.employee).where(m.reportsTo.isNotNull())
                .unionAll(select(emp, e.col(m.reportsTo), depth.add(1)).from(chain)
                        .join(e, e.col(m.employeeId).eq(boss)).where(e.col(m.reportsTo).isNotNull())));
        Select q = withRecursive(chain).select(emp, boss, depth).from(chain).orderBy(emp.asc(), depth.asc());
        String id = m.c("employee_id");
        String rt = m.c("reports_to");
        String sql = "WITH RECURSIVE chain(emp, boss, depth) AS (SELECT " + id + ", " + rt + ", 1 FROM " + m.t("employee")
                + " WHERE " + rt + " IS NOT NULL UNION ALL SELECT chain.emp, e." + rt + ", chain.depth + 1 FROM chain JOIN "
                + m.t("employee") + " e ON e." + id + " = chain.boss WHERE e." + rt + " IS NOT NULL)"
                + " SELECT emp, boss, depth FROM chain ORDER BY emp, depth";
        List<List<String>> rows = compare(chinook, q, sql);
        // 8 employees under one general manager: 7 direct links, and 5 more through the managers
        assertThat(rows).hasSize(12).contains(List.of("2", "1", "1"), List.of("3", "1", "2"));
    }

    @AllDatabases
    void runningTotalsPerCustomer(TestDatabase db) throws Exception {
        TestDatabase chinook = chinook(db);
        Music m = new Music(db);
        Labeled<BigDecimal> running = sum(m.total).over(partitionBy(m.invoiceCustomer).orderBy(m.invoiceId.asc())).as("running");
        Select q = select(m.invoiceCustomer, m.invoiceId, m.total, running).from(m.invoice).where(m.invoiceCustomer.le(3))
                .orderBy(m.invoiceCustomer, m.invoiceId);
        String cust = m.c("customer_id");
        String inv = m.c("invoice_id");
        String sql = "SELECT " + cust + ", " + inv + ", " + m.c("total") + ", sum(" + m.c("total") + ") OVER (PARTITION BY " + cust
                + " ORDER BY " + inv + ") FROM " + m.t("invoice") + " WHERE " + cust + " <= 3 ORDER BY " + cust + ", " + inv;
        List<List<String>> rows = compare(chinook, q, sql);
        assertThat(rows).hasSize(21);
        BigDecimal sum = BigDecimal.ZERO;
        for (List<String> row : rows.subList(0, 7)) {
            sum = sum.add(new BigDecimal(row.get(2)));
            assertThat(new BigDecimal(row.get(3))).isEqualByComparingTo(sum);
        }
    }

    /** Runs the query both ways and checks that the rows agree; returns them normalised. */
    private static List<List<String>> compare(TestDatabase chinook, Query q, String sql) throws Exception {
        List<List<String>> ours = new ArrayList<>();
        try (Engine engine = Engine.create(chinook.url()); Connection c = engine.connect()) {
            for (Row r : c.query(q).list()) {
                List<String> row = new ArrayList<>();
                r.values().forEach(v -> row.add(normalise(v == null ? null : v.toString())));
                ours.add(row);
            }
        }
        List<List<String>> plain = new ArrayList<>();
        try (var jdbc = chinook.openJdbc(); var st = jdbc.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(normalise(rs.getString(i)));
                }
                plain.add(row);
            }
        }
        assertThat(ours).as("rows of the query language against plain SQL").isNotEmpty().isEqualTo(plain);
        return ours;
    }

    /** Numbers compared by value to the cent (SQLite sums money as binary floats). */
    private static String normalise(String s) {
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException notNumber) {
            return s;
        }
    }
}
