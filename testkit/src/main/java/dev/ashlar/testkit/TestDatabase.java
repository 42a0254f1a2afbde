package dev.ashlar.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * One reachable database for a test: where it is (as an Ashlar URL and as a JDBC URL) and how to
 * empty it. Its {@code toString} is the database's name, so parameterized test names carry it.
 */
public final class TestDatabase {
    private final DatabaseKind kind;
    private final String url;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final boolean resettable;

    TestDatabase(DatabaseKind kind, String url, String jdbcUrl, String user, String password) {
        this(kind, url, jdbcUrl, user, password, true);
    }

    /** Stands for a database that is not reachable on this machine; tests that receive it are skipped. */
    static TestDatabase unavailable(DatabaseKind kind) {
        return new TestDatabase(kind, null, null, null, null, false);
    }

    /** Whether this database can be reached (false only outside CI, for a server that is not running). */
    public boolean available() {
        return url != null;
    }

    /** With {@code resettable} false, {@link #reset()} refuses: for shared data such as Chinook that tests must not empty. */
    TestDatabase(DatabaseKind kind, String url, String jdbcUrl, String user, String password, boolean resettable) {
        this.kind = kind;
        this.url = url;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.resettable = resettable;
    }

    /** Which database this is. */
    public DatabaseKind kind() {
        return kind;
    }

    /** The Ashlar URL, for example {@code postgresql://postgres@127.0.0.1:5432/ashlar_test}. */
    public String url() {
        return url;
    }

    /** The JDBC URL. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The user name, or {@code null} for SQLite. */
    public String user() {
        return user;
    }

    /** The password, or {@code null} for SQLite. */
    public String password() {
        return password;
    }

    /** A plain JDBC connection, for checking what the database holds independently of Ashlar. */
    public Connection openJdbc() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /**
     * Drops every table (and, on PostgreSQL, every type) so that a test starts from an empty schema.
     *
     * @throws TestSetupException on a database of shared test data, such as
     *     {@link Chinook#load Chinook}, which other tests and test runs rely on
     */
    public TestDatabase reset() {
        if (!resettable) {
            throw new TestSetupException("the " + kind + " database at " + jdbcUrl
                    + " holds shared test data and must not be emptied; "
                    + "create the test's tables in the emptied database that @AllDatabases hands each test");
        }
        try (Connection c = openJdbc(); Statement s = c.createStatement()) {
            switch (kind) {
                case SQLITE -> {
                    s.execute("PRAGMA foreign_keys = OFF");
                    var names = new java.util.ArrayList<String>();
                    try (var rs = s.executeQuery("SELECT name, type FROM sqlite_master WHERE type IN ('table','view') AND name NOT LIKE 'sqlite_%'")) {
                        while (rs.next()) {
                            names.add(("view".equals(rs.getString(2)) ? "DROP VIEW " : "DROP TABLE ") + '"' + rs.getString(1) + '"');
                        }
                    }
                    for (String sql : names) {
                        s.execute(sql);
                    }
                }
                case POSTGRESQL -> {
                    s.execute("DROP SCHEMA IF EXISTS public CASCADE");
                    s.execute("CREATE SCHEMA public");
                }
                case MARIADB -> {
                    s.execute("SET FOREIGN_KEY_CHECKS = 0");
                    var names = new java.util.ArrayList<String>();
                    try (var rs = s.executeQuery("SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = DATABASE()")) {
                        while (rs.next()) {
                            names.add(("VIEW".equals(rs.getString(2)) ? "DROP VIEW `" : "DROP TABLE `") + rs.getString(1) + '`');
                        }
                    }
                    for (String sql : names) {
                        s.execute(sql);
                    }
                    s.execute("SET FOREIGN_KEY_CHECKS = 1");
                }
            }
        } catch (SQLException e) {
            throw new TestSetupException("could not empty the " + kind + " test database at " + jdbcUrl + ": " + e.getMessage(), e);
        }
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestDatabase other && other.kind == kind && Objects.equals(other.jdbcUrl, jdbcUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jdbcUrl);
    }

    @Override
    public String toString() {
        return kind.id();
    }
}
