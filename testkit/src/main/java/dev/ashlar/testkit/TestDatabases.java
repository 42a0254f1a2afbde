package dev.ashlar.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the databases tests run on, once per JVM.
 *
 * <ul>
 *   <li>SQLite: always, a fresh file per {@link #sqlite()} call.
 *   <li>PostgreSQL: the local server on 127.0.0.1:5432; without one, an embedded PostgreSQL.
 *   <li>MariaDB: the local server on 127.0.0.1:3306; without one, skipped with a printed notice.
 * </ul>
 *
 * With {@code CI=true} every database is required: a missing server fails the run instead of being
 * replaced or skipped. Tests use a database named {@code ashlar_test}, created when missing, so that
 * emptying it never touches other data.
 *
 * <p>Two system properties (or environment variables) change which databases a run has:
 * <ul>
 *   <li>{@value #SELECT} ({@code ASHLAR_TEST_DATABASES}): a comma-separated subset of {@code sqlite},
 *       {@code postgresql}, {@code mariadb}; the others are neither used nor reported.
 *   <li>{@value #URL} ({@code ASHLAR_TEST_URL}), with {@value #JDBC_URL}, {@value #USER} and
 *       {@value #PASSWORD}: one database of any dialect, such as a third-party dialect running the
 *       compliance suite, which is then the only database. It is emptied before each test through the
 *       JDBC catalog, so give it a database of its own.
 * </ul>
 */
public final class TestDatabases {
    /**
     * The database tests write to on the PostgreSQL and MariaDB servers: {@code ashlar_test}, or the
     * value of {@code ASHLAR_TEST_DB}, so that builds running side by side do not empty each other's tables.
     */
    public static final String TEST_DATABASE = env("ASHLAR_TEST_DB", "ashlar_test");

    /** The property that selects a subset of the built-in databases, for example {@code sqlite,postgresql}. */
    public static final String SELECT = "ashlar.test.databases";
    /** The property that names one database of any dialect by its Ashlar URL, whose scheme is the dialect's name. */
    public static final String URL = "ashlar.test.url";
    /** The JDBC URL of the {@link #URL} database (required with it). */
    public static final String JDBC_URL = "ashlar.test.jdbc-url";
    /** The user of the {@link #URL} database (optional). */
    public static final String USER = "ashlar.test.user";
    /** The password of the {@link #URL} database (optional). */
    public static final String PASSWORD = "ashlar.test.password";

    private static final Map<DatabaseKind, Optional<TestDatabase>> SERVERS = new EnumMap<>(DatabaseKind.class);
    private static final Map<DatabaseKind, ServerAddress> ADDRESSES = new EnumMap<>(DatabaseKind.class);
    private static EmbeddedPostgres embedded;

    private TestDatabases() {
    }

    /** True when running under CI, where every database must be present. */
    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Every database of this run that is reachable here: the {@link #URL} database alone when it is
     * set, otherwise the {@link #selected() selected} built-in ones in the order sqlite, postgresql,
     * mariadb.
     */
    public static List<TestDatabase> all() {
        Optional<TestDatabase> external = external();
        if (external.isPresent()) {
            return List.of(external.get());
        }
        List<TestDatabase> all = new ArrayList<>();
        for (DatabaseKind kind : selected()) {
            get(kind).ifPresent(all::add);
        }
        return all;
    }

    /**
     * The built-in databases this run uses: all three, the {@link #SELECT} subset, or none when a
     * {@link #URL} database replaces them.
     */
    public static List<DatabaseKind> selected() {
        if (setting(URL) != null) {
            return List.of();
        }
        String names = setting(SELECT);
        if (names == null) {
            return List.of(DatabaseKind.values());
        }
        List<DatabaseKind> kinds = new ArrayList<>();
        for (String name : names.split(",")) {
            String id = name.strip().toLowerCase(java.util.Locale.ROOT);
            if (!id.isEmpty()) {
                kinds.add(DatabaseKind.byId(id).orElseThrow(() -> new TestSetupException(SELECT + "=" + names
                        + " names " + id + ", which is not one of sqlite, postgresql, mariadb; for another database set " + URL)));
            }
        }
        return List.copyOf(kinds);
    }

    /** The given built-in database, or empty when it is not reachable (never under CI) or this run does not {@link #selected() select} it. */
    public static Optional<TestDatabase> get(DatabaseKind kind) {
        if (!selected().contains(kind)) {
            return Optional.empty();
        }
        return kind == DatabaseKind.SQLITE ? Optional.of(sqlite()) : server(kind);
    }

    /** The database the {@link #URL} properties describe, when they are set. */
    static Optional<TestDatabase> external() {
        String url = setting(URL);
        if (url == null) {
            return Optional.empty();
        }
        String jdbcUrl = setting(JDBC_URL);
        int colon = url.indexOf(':');
        if (jdbcUrl == null || colon <= 0) {
            throw new TestSetupException(URL + "=" + url + " needs an Ashlar URL whose scheme is the dialect's name, and "
                    + JDBC_URL + " the JDBC URL of the same database");
        }
        return Optional.of(TestDatabase.external(url.substring(0, colon), url, jdbcUrl, setting(USER), setting(PASSWORD)));
    }

    /** A new, empty SQLite database file in a temporary folder. */
    public static TestDatabase sqlite() {
        try {
            Path dir = Files.createTempDirectory("ashlar-sqlite");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve("test.db");
            return new TestDatabase(DatabaseKind.SQLITE, "sqlite:///" + file.toAbsolutePath(), "jdbc:sqlite:" + file.toAbsolutePath(), null, null);
        } catch (IOException e) {
            throw new TestSetupException("cannot create a temporary SQLite file", e);
        }
    }

    /**
     * The server behind {@link #get(DatabaseKind)} (the local one, or the embedded PostgreSQL), for
     * reaching databases on it other than {@link #TEST_DATABASE}; empty for SQLite and for a server
     * that is not reachable.
     */
    static synchronized Optional<ServerAddress> address(DatabaseKind kind) {
        if (kind == DatabaseKind.SQLITE || server(kind).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ADDRESSES.get(kind));
    }

    private static synchronized Optional<TestDatabase> server(DatabaseKind kind) {
        return SERVERS.computeIfAbsent(kind, k -> k == DatabaseKind.POSTGRESQL ? findPostgres() : findMariaDb());
    }

    private static Optional<TestDatabase> findPostgres() {
        String host = env("ASHLAR_PG_HOST", "127.0.0.1");
        String port = env("ASHLAR_PG_PORT", "5432");
        String user = env("ASHLAR_PG_USER", "postgres");
        String admin = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        if (reachable(admin, user, "")) {
            ensurePostgresDatabase(admin, user, "");
            return Optional.of(postgres(host, Integer.parseInt(port), user));
        }
        if (ci()) {
            throw new TestSetupException("CI=true but PostgreSQL is not reachable at " + host + ":" + port
                    + "; start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
        }
        try {
            if (embedded == null) {
                embedded = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting; nothing useful to do
                    }
                }));
            }
            System.err.println("[ashlar-testkit] NOTICE: no PostgreSQL on " + host + ":" + port
                    + "; using an embedded PostgreSQL on port " + embedded.getPort());
            String embeddedAdmin = "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/postgres";
            ensurePostgresDatabase(embeddedAdmin, "postgres", "");
            return Optional.of(postgres("127.0.0.1", embedded.getPort(), "postgres"));
        } catch (IOException e) {
            throw new TestSetupException("no PostgreSQL server and the embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    private static TestDatabase postgres(String host, int port, String user) {
        ServerAddress address = new ServerAddress(DatabaseKind.POSTGRESQL, host, port, user, "");
        ADDRESSES.put(DatabaseKind.POSTGRESQL, address);
        return address.database(TEST_DATABASE, true);
    }

    private static void ensurePostgresDatabase(String adminUrl, String user, String password) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + TEST_DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + TEST_DATABASE);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // created concurrently by another test JVM
                throw new TestSetupException("cannot create the PostgreSQL database " + TEST_DATABASE + ": " + e.getMessage(), e);
            }
        }
    }

    private static Optional<TestDatabase> findMariaDb() {
        String host = env("ASHLAR_MARIADB_HOST", "127.0.0.1");
        String port = env("ASHLAR_MARIADB_PORT", "3306");
        String user = env("ASHLAR_MARIADB_USER", "root");
        String admin = "jdbc:mariadb://" + host + ":" + port + "/";
        if (!reachable(admin, user, "")) {
            if (ci()) {
                throw new TestSetupException("CI=true but MariaDB is not reachable at " + host + ":" + port
                        + "; start it with: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd");
            }
            System.err.println("[ashlar-testkit] NOTICE: no MariaDB on " + host + ":" + port
                    + "; MariaDB tests are SKIPPED on this machine (they are required when CI=true)");
            return Optional.empty();
        }
        try (Connection c = DriverManager.getConnection(admin, user, ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + TEST_DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new TestSetupException("cannot create the MariaDB database " + TEST_DATABASE + ": " + e.getMessage(), e);
        }
        ServerAddress address = new ServerAddress(DatabaseKind.MARIADB, host, Integer.parseInt(port), user, "");
        ADDRESSES.put(DatabaseKind.MARIADB, address);
        return Optional.of(address.database(TEST_DATABASE, true));
    }

    private static boolean reachable(String jdbcUrl, String user, String password) {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = DriverManager.getConnection(jdbcUrl, user, password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** A system property, else the environment variable of the same name in upper case with underscores. */
    private static String setting(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
