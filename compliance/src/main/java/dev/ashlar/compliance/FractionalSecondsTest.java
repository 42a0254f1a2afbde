package dev.ashlar.compliance;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.types.Types.integer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.Row;
import dev.ashlar.core.error.DefinitionException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.ServerDefault;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.types.DateTimeType;
import dev.ashlar.core.types.DateTimeTzType;
import dev.ashlar.core.types.TimeType;
import dev.ashlar.core.types.Types;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import dev.ashlar.testkit.VendorSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Date-time columns with a fractional-second precision ({@code Types.dateTime(p)}): values with
 * nanoseconds go in rounded half up to the precision on every database (the rule of
 * {@code FractionalSeconds}), whether the database would truncate (MariaDB) or round (PostgreSQL)
 * itself; the database holds exactly that, it reads back as {@code type.round(value)}, and a
 * comparison with the unrounded value finds the row.
 */
class FractionalSecondsTest {
    private static final DateTimeType WHOLE = Types.dateTime(0);
    private static final DateTimeType MILLIS = Types.dateTime(3);
    private static final TimeType CLOCK = Types.time(0);
    private static final DateTimeTzType INSTANT = Types.dateTimeTz(3);

    /** Values with nanoseconds, among them ties (exactly half a unit) and values a nanosecond either side of one. */
    private static final List<LocalDateTime> STAMPS = List.of(
            LocalDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_789),
            LocalDateTime.of(2024, 5, 6, 7, 8, 9, 500_000_000),   // tie at 0 digits: up
            LocalDateTime.of(2024, 5, 6, 7, 8, 9, 499_999_999),   // just under: down at 0 digits, up to .500 at 3
            LocalDateTime.of(2024, 5, 6, 7, 8, 9, 987_500_000),   // tie at 3 digits: .988
            LocalDateTime.of(2024, 12, 31, 23, 59, 59, 999_600_000), // carries into the next year at both precisions
            LocalDateTime.of(1969, 7, 20, 20, 17, 40, 500_000_000)); // before 1970 (and 2000, PostgreSQL's epoch) a tie still goes up

    static final class Schema {
        final MetaData md = new MetaData();
        final Column<Integer> id = Column.of("id", integer()).primaryKey().autoincrement(false);
        final Column<LocalDateTime> whole = Column.of("whole", WHOLE);
        final Column<LocalDateTime> millis = Column.of("millis", MILLIS);
        final Column<LocalTime> clock = Column.of("clock", CLOCK);
        final Column<OffsetDateTime> instant = Column.of("instant", INSTANT);
        final Column<LocalDateTime> stamped = Column.of("stamped", WHOLE).serverDefault(ServerDefault.currentTimestamp());
        final Table t = md.table("precise", id, whole, millis, clock, instant, stamped);
    }

    @Test
    void theRuleIsHalfUpToThePrecision() {
        assertThat(STAMPS.stream().map(WHOLE::round).toList()).containsExactly(
                LocalDateTime.of(2024, 5, 6, 7, 8, 9), LocalDateTime.of(2024, 5, 6, 7, 8, 10), LocalDateTime.of(2024, 5, 6, 7, 8, 9),
                LocalDateTime.of(2024, 5, 6, 7, 8, 10), LocalDateTime.of(2025, 1, 1, 0, 0), LocalDateTime.of(1969, 7, 20, 20, 17, 41));
        assertThat(STAMPS.stream().map(MILLIS::round).map(v -> v.getNano() / 1_000_000).toList()).containsExactly(123, 500, 500, 988, 0, 500);
        assertThat(Types.dateTime().round(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1_500))).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 2_000));
        // the edges left to the database: nothing past LocalDateTime.MAX, no 24:00:00 in a LocalTime
        assertThat(WHOLE.round(LocalDateTime.MAX)).isEqualTo(LocalDateTime.MAX);
        assertThat(CLOCK.round(LocalTime.MAX)).isEqualTo(LocalTime.MAX);
        assertThat(CLOCK.round(LocalTime.of(12, 0, 0, 700_000_000))).isEqualTo(LocalTime.of(12, 0, 1));
        assertThat(Types.dateTime(6)).isEqualTo(Types.dateTime());
        assertThat(Types.dateTime(0)).isNotEqualTo(Types.dateTime()).hasToString("DateTime(precision=0)");
    }

    @Test
    void aPrecisionOutOfRangeIsRefusedNamingTheColumn() {
        for (int bad : new int[] {-1, 7, 9}) {
            assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(() -> Column.of("hired_at", Types.dateTime(bad)),
                    DefinitionException.class)).hasMessageContaining("column hired_at").hasMessageContaining(String.valueOf(bad))
                    .hasMessageContaining("from 0").hasMessageContaining("to 6");
        }
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(() -> Column.of("at", Types.time(10)),
                DefinitionException.class)).hasMessageContaining("column at");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(() -> Column.of("at", Types.dateTimeTz(-2)),
                DefinitionException.class)).hasMessageContaining("column at");
    }

    @AllDatabases
    void valuesAreHeldRoundedHalfUpToThePrecisionAndReadBackSo(TestDatabase db) throws SQLException {
        Schema s = new Schema();
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, s.md);
            for (int i = 0; i < STAMPS.size(); i++) {
                LocalDateTime v = STAMPS.get(i);
                conn.execute(insertInto(s.t).set(s.id, i).set(s.whole, v).set(s.millis, v).set(s.clock, clock(v))
                        .set(s.instant, v.atOffset(ZoneOffset.ofHours(2))));
            }
            VendorSql sql = db.vendor();
            List<List<String>> held = rows(db, "SELECT " + sql.dateTimeText("whole") + ", " + sql.dateTimeText("millis") + ", "
                    + sql.timeText("clock") + " FROM precise ORDER BY id");
            List<List<String>> promised = new ArrayList<>();
            for (LocalDateTime v : STAMPS) {
                promised.add(List.of(text(WHOLE.round(v)), text(MILLIS.round(v)), text(CLOCK.round(clock(v)))));
            }
            assertThat(held).as("what %s holds", db.name()).isEqualTo(promised);
            assertThat(held.get(0)).containsExactly("2024-05-06 07:08:09.000000", "2024-05-06 07:08:09.123000", "06:08:09.000000");

            List<Row> back = conn.query(select(s.id, s.whole, s.millis, s.clock, s.instant).from(s.t).orderBy(s.id)).list();
            for (int i = 0; i < STAMPS.size(); i++) {
                LocalDateTime v = STAMPS.get(i);
                Row row = back.get(i);
                assertThat(row.get(s.whole)).as("row %d", i).isEqualTo(WHOLE.round(v));
                assertThat(row.get(s.millis)).as("row %d", i).isEqualTo(MILLIS.round(v));
                assertThat(row.get(s.clock)).as("row %d", i).isEqualTo(CLOCK.round(clock(v)));
                assertThat(row.get(s.instant)).as("row %d", i).isEqualTo(INSTANT.round(v.atOffset(ZoneOffset.ofHours(2))).withOffsetSameInstant(ZoneOffset.UTC));
                // compared as it would be written: the unrounded value finds its row
                assertThat(conn.query(select(s.id).from(s.t).where(s.whole.eq(v).and(s.millis.eq(v)))).list())
                        .extracting(r -> r.get(s.id)).contains(i);
            }
        }
    }

    @AllDatabases
    void manyRowInsertsRoundAsSingleRowsDo(TestDatabase db) throws SQLException {
        // enough rows for PostgreSQL's COPY, which encodes values itself rather than through JDBC
        Schema s = new Schema();
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, s.md);
            List<Map<Column<?>, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                LocalDateTime v = STAMPS.get(i % STAMPS.size());
                Map<Column<?>, Object> row = new LinkedHashMap<>();
                row.put(s.id, i);
                row.put(s.whole, v);
                row.put(s.millis, v);
                row.put(s.clock, clock(v));
                row.put(s.instant, v.atOffset(ZoneOffset.UTC));
                row.put(s.stamped, v);
                rows.add(row);
            }
            assertThat(conn.execute(insertInto(s.t).values(rows))).isEqualTo(150);
            VendorSql sql = db.vendor();
            List<List<String>> held = rows(db, "SELECT " + sql.dateTimeText("whole") + ", " + sql.dateTimeText("millis") + ", "
                    + sql.timeText("clock") + " FROM precise ORDER BY id");
            for (int i = 0; i < 150; i++) {
                LocalDateTime v = STAMPS.get(i % STAMPS.size());
                assertThat(held.get(i)).as("row %d", i).containsExactly(text(WHOLE.round(v)), text(MILLIS.round(v)), text(CLOCK.round(clock(v))));
            }
        }
    }

    @AllDatabases
    void aCurrentTimestampDefaultKeepsThePrecisionToo(TestDatabase db) throws SQLException {
        // MariaDB needs CURRENT_TIMESTAMP(0) on a DATETIME(0); SQLite's default is cut to the precision by Ashlar's DDL
        Schema s = new Schema();
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, s.md);
            conn.execute(insertInto(s.t).set(s.id, 1));
            String held = db.queryOne("SELECT " + db.vendor().dateTimeText("stamped") + " FROM precise");
            assertThat(held).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.000000");
            LocalDateTime read = conn.query(select(s.stamped).from(s.t)).one().get(s.stamped);
            assertThat(read.getNano()).isZero();
            assertThat(read).isCloseTo(LocalDateTime.now(ZoneOffset.UTC), org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.MINUTES));
        }
    }

    /**
     * The time of day written for {@code v}: an hour earlier, so that no value rounds past midnight,
     * an edge that {@code TimeType.round} leaves to the database (PostgreSQL stores 24:00:00).
     */
    private static LocalTime clock(LocalDateTime v) {
        return v.toLocalTime().minusHours(1);
    }

    private static String text(LocalDateTime v) {
        return v.toLocalDate() + " " + text(v.toLocalTime());
    }

    private static String text(LocalTime v) {
        return String.format("%02d:%02d:%02d.%06d", v.getHour(), v.getMinute(), v.getSecond(), v.getNano() / 1000);
    }

    private static List<List<String>> rows(TestDatabase db, String query) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (java.sql.Connection c = db.openJdbc(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }
}
