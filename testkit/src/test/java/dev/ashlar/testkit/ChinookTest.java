package dev.ashlar.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChinookTest {

    /** Chinook on this database; the test is skipped only for a server that is unreachable outside CI. */
    private static TestDatabase chinook(DatabaseKind kind) {
        Optional<TestDatabase> db = Chinook.load(kind);
        if (db.isEmpty()) {
            assertThat(TestDatabases.ci()).as("under CI every database is required").isFalse();
            assumeThat(db).as(kind + " is not reachable here").isPresent();
        }
        return db.get();
    }

    private static String t(DatabaseKind kind, String table) {
        return Chinook.tableName(kind, table);
    }

    private static String c(DatabaseKind kind, String column) {
        return Chinook.columnName(kind, column);
    }

    @ParameterizedTest(name = "{displayName} [{0}]")
    @EnumSource(DatabaseKind.class)
    void hasTheExpectedRowCounts(DatabaseKind kind) {
        assertThat(Chinook.rowCounts(chinook(kind))).isEqualTo(Chinook.EXPECTED_ROW_COUNTS);
    }

    @ParameterizedTest(name = "{displayName} [{0}]")
    @EnumSource(DatabaseKind.class)
    void isLoadedOncePerJvmAndLivesInItsOwnDatabase(DatabaseKind kind) {
        TestDatabase db = chinook(kind);
        assertThat(Chinook.load(kind)).containsSame(db);
        assertThat(db.kind()).isEqualTo(kind);
        assertThat(db.toString()).isEqualTo(kind.id());
        if (kind == DatabaseKind.SQLITE) {
            assertThat(db.url()).startsWith("sqlite:////").endsWith(".db");
            assertThat(db.jdbcUrl()).startsWith("jdbc:sqlite:/").doesNotContain("shared/data");
        } else {
            assertThat(db.url()).matches(kind.id() + "://[^@/]+@[^/]+:\\d+/chinook");
            assertThat(db.jdbcUrl()).matches("jdbc:" + kind.id() + "://[^/]+:\\d+/chinook");
        }
    }

    @ParameterizedTest(name = "{displayName} [{0}]")
    @EnumSource(DatabaseKind.class)
    void survivesResettingTheTestDatabase(DatabaseKind kind) {
        TestDatabase db = chinook(kind);
        TestDatabases.get(kind).orElseThrow().reset();
        assertThat(Chinook.rowCounts(db)).isEqualTo(Chinook.EXPECTED_ROW_COUNTS);
        assertThatThrownBy(db::reset).isInstanceOf(TestSetupException.class);
    }

    @ParameterizedTest(name = "{displayName} [{0}]")
    @EnumSource(DatabaseKind.class)
    void invoicesTotal2328_60(DatabaseKind kind) throws SQLException {
        // SQLite keeps NUMERIC(10,2) as a double, so the sum is rounded to cents before comparing
        String sql = "SELECT SUM(" + c(kind, "total") + ") FROM " + t(kind, "invoice");
        try (Connection c = chinook(kind).openJdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            assertThat(new BigDecimal(rs.getString(1)).setScale(2, RoundingMode.HALF_UP)).isEqualTo(new BigDecimal("2328.60"));
        }
    }

    @ParameterizedTest(name = "{displayName} [{0}]")
    @EnumSource(DatabaseKind.class)
    void topThreeArtistsByTracks(DatabaseKind kind) throws SQLException {
        String sql = "SELECT ar." + c(kind, "name") + ", COUNT(*) AS n"
                + " FROM " + t(kind, "artist") + " ar"
                + " JOIN " + t(kind, "album") + " al ON al." + c(kind, "artist_id") + " = ar." + c(kind, "artist_id")
                + " JOIN " + t(kind, "track") + " tr ON tr." + c(kind, "album_id") + " = al." + c(kind, "album_id")
                + " GROUP BY ar." + c(kind, "artist_id") + ", ar." + c(kind, "name")
                + " ORDER BY n DESC, ar." + c(kind, "name") + " LIMIT 3";
        assertThat(rows(kind, sql)).containsExactly("Iron Maiden 213", "U2 135", "Led Zeppelin 114");
    }

    @ParameterizedTest(name = "{displayName} [{0}]")
    @EnumSource(DatabaseKind.class)
    void keepsTextExactlyAsTheOriginal(DatabaseKind kind) throws SQLException {
        // backslashes (lost in MariaDB's default mode), doubled quotes and non-ASCII letters
        String sql = "SELECT " + c(kind, "name") + " FROM " + t(kind, "track") + " WHERE " + c(kind, "track_id")
                + " IN (3435, 1114) ORDER BY " + c(kind, "track_id");
        assertThat(rows(kind, sql)).containsExactly("Parabolicamará", "Cavalleria Rusticana \\ Act \\ Intermezzo Sinfonico");
        String artist = "SELECT " + c(kind, "name") + " FROM " + t(kind, "artist") + " WHERE " + c(kind, "artist_id") + " = 88";
        assertThat(rows(kind, artist)).containsExactly("Guns N' Roses");
    }

    @Test
    void namesTablesAsEachDatabaseSpellsThem() {
        assertThat(Chinook.tableName(DatabaseKind.SQLITE, "invoice_line")).isEqualTo("InvoiceLine");
        assertThat(Chinook.tableName(DatabaseKind.MARIADB, "media_type")).isEqualTo("MediaType");
        assertThat(Chinook.tableName(DatabaseKind.POSTGRESQL, "playlist_track")).isEqualTo("playlist_track");
        assertThat(Chinook.columnName(DatabaseKind.SQLITE, "billing_postal_code")).isEqualTo("BillingPostalCode");
        assertThatThrownBy(() -> Chinook.tableName(DatabaseKind.SQLITE, "users")).isInstanceOf(TestSetupException.class);
        assertThat(Chinook.EXPECTED_ROW_COUNTS.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(15607);
    }

    private static List<String> rows(DatabaseKind kind, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = chinook(kind).openJdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
