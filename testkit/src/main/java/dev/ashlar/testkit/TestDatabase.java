package dev.ashlar.testkit;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One reachable database for a test: where it is (as an Ashlar URL and as a JDBC URL) and how to
 * empty it. Its {@code toString} is the database's name, so parameterized test names carry it.
 */
public final class TestDatabase {
    private final DatabaseKind kind;
    private final String name;
    private final String url;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final boolean resettable;
    private final boolean external;
    private final String unavailableReason;

    TestDatabase(DatabaseKind kind, String url, String jdbcUrl, String user, String password) {
        this(kind, url, jdbcUrl, user, password, true);
    }

    /** With {@code resettable} false, {@link #reset()} refuses: for shared data such as Chinook that tests must not empty. */
    TestDatabase(DatabaseKind kind, String url, String jdbcUrl, String user, String password, boolean resettable) {
        this(kind, kind.id(), url, jdbcUrl, user, password, resettable, false, null);
    }

    private TestDatabase(DatabaseKind kind, String name, String url, String jdbcUrl, String user, String password,
                         boolean resettable, boolean external, String unavailableReason) {
        this.kind = kind;
        this.name = name;
        this.url = url;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.resettable = resettable;
        this.external = external;
        this.unavailableReason = unavailableReason;
    }

    /** Stands for a database that is not reachable on this machine; tests that receive it are skipped. */
    static TestDatabase unavailable(DatabaseKind kind) {
        return new TestDatabase(kind, kind.id(), null, null, null, null, false, false,
                "no " + kind + " server reachable here; " + kind + " tests are skipped (they are required when CI=true)");
    }

    /** Stands for a database that a test needs but the run does not have, for the reason given; tests that receive it are skipped. */
    static TestDatabase unavailable(String name, String reason) {
        return new TestDatabase(DatabaseKind.byId(name).orElse(null), name, null, null, null, null, false, false, reason);
    }

    /**
     * A database named by the {@link TestDatabases#URL} system properties, for example a third-party
     * dialect's: emptied through the JDBC catalog rather than by vendor SQL. {@code name} is its
     * dialect's name, the scheme of its Ashlar URL.
     */
    static TestDatabase external(String name, String url, String jdbcUrl, String user, String password) {
        return new TestDatabase(DatabaseKind.byId(name).orElse(null), name, url, jdbcUrl, user, password, true, true, null);
    }

    /** Whether this database can be reached (false only outside CI, for a server that is not running). */
    public boolean available() {
        return url != null;
    }

    /** Why this database is not {@link #available() available}, or {@code null} when it is. */
    String unavailableReason() {
        return unavailableReason;
    }

    /**
     * The database's name: its dialect's name, which is the scheme of its {@link #url() Ashlar URL}
     * ({@code sqlite}, {@code postgresql}, {@code mariadb}, or a third-party dialect's) and part of each
     * test's name.
     */
    public String name() {
        return name;
    }

    /** Whether this is one of the databases Ashlar ships a dialect for, so that {@link #kind()} answers. */
    public boolean builtIn() {
        return kind != null;
    }

    /**
     * Which of Ashlar's own databases this is, for the tests of Ashlar's other modules and for
     * testkit's own set-up. Compliance tests never ask (a test in {@code cli} enforces it): they take
     * expectations from the dialect's declared capabilities and vendor set-up SQL from {@link #vendor()},
     * so that they run on a third-party dialect's database too.
     *
     * @throws TestSetupException for a database of a dialect outside Ashlar, which has no kind
     */
    public DatabaseKind kind() {
        if (kind == null) {
            throw new TestSetupException("the database under test is " + name + ", whose dialect is not one of Ashlar's own: "
                    + "the test must ask the dialect's capabilities rather than DatabaseKind");
        }
        return kind;
    }

    /**
     * The set-up and inspection SQL of this database's dialect, found by its {@link #name()}: Ashlar's
     * own for its three databases, a third-party dialect's where it registers one.
     */
    public VendorSql vendor() {
        return VendorSql.of(this);
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
     * Runs a query over a plain JDBC connection and returns the first column of its first row as
     * text, or {@code null} when there is no row: for checking what the database holds independently
     * of Ashlar, for example {@code db.queryOne("SELECT count(*) FROM items")}.
     */
    public String queryOne(String sql) throws SQLException {
        try (Connection c = openJdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /**
     * Drops every table (and, on PostgreSQL, every type) so that a test starts from an empty schema.
     *
     * @throws TestSetupException on a database of shared test data, such as
     *     {@link Chinook#load Chinook}, which other tests and test runs rely on
     */
    public TestDatabase reset() {
        if (!resettable) {
            throw new TestSetupException("the " + name + " database at " + jdbcUrl
                    + " holds shared test data and must not be emptied; "
                    + "create the test's tables in the emptied database that @AllDatabases hands each test");
        }
        if (external) {
            resetThroughCatalog();
            return this;
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

    /**
     * Empties a database that testkit knows no vendor SQL for: drops every view, then every table of
     * the connection's catalog and schema as {@link DatabaseMetaData} lists them, repeating while
     * foreign keys between the tables make some drops fail and others succeed.
     */
    private void resetThroughCatalog() {
        try (Connection c = openJdbc(); Statement s = c.createStatement()) {
            DatabaseMetaData meta = c.getMetaData();
            String quote = meta.getIdentifierQuoteString().isBlank() ? "" : meta.getIdentifierQuoteString();
            for (String type : List.of("VIEW", "TABLE")) {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {type})) {
                    while (rs.next()) {
                        names.add(rs.getString("TABLE_NAME"));
                    }
                }
                SQLException last = null;
                while (!names.isEmpty()) {
                    int before = names.size();
                    for (var it = names.iterator(); it.hasNext(); ) {
                        try {
                            s.execute("DROP " + type + " " + quote + it.next() + quote);
                            it.remove();
                        } catch (SQLException e) {
                            last = e; // another table still refers to it: dropped in the next pass
                        }
                    }
                    if (names.size() == before) {
                        throw last;
                    }
                }
            }
        } catch (SQLException e) {
            throw new TestSetupException("could not empty the " + name + " test database at " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestDatabase other && Objects.equals(other.name, name) && Objects.equals(other.jdbcUrl, jdbcUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jdbcUrl);
    }

    @Override
    public String toString() {
        return name;
    }
}
