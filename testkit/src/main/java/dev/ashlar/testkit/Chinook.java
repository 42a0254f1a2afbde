package dev.ashlar.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Chinook sample database (a digital music store: 11 tables, about 15,000 rows) loaded into
 * each test database, for tests that should meet real data.
 *
 * <ul>
 *   <li>SQLite: a private copy of {@code chinook/Chinook_Sqlite.sqlite}, made once per JVM (the
 *       shared original is never opened for writing). Names are PascalCase: {@code InvoiceLine}.
 *   <li>PostgreSQL: the database {@value #DATABASE} on the server {@link TestDatabases} uses,
 *       loaded from {@code Chinook_PostgreSql.sql}. Names are snake_case: {@code invoice_line}.
 *   <li>MariaDB: the database {@value #DATABASE} loaded from {@code Chinook_MySql.sql}. Names are
 *       PascalCase, and table names are case-sensitive there.
 * </ul>
 *
 * A server database is loaded at most once per JVM, and not at all when a database {@link
 * #DATABASE} with the {@linkplain #EXPECTED_ROW_COUNTS expected row counts} is already there, so
 * test runs after the first stay fast. Loading holds a server-wide lock, so JVMs that start together
 * do not load over each other. Treat the data as read-only: it is shared by every test and test run,
 * and {@link TestDatabase#reset()} refuses to empty it. It lives apart from {@link
 * TestDatabases#TEST_DATABASE}, so emptying that never touches it.
 */
public final class Chinook {
    /** The database Chinook is loaded into on PostgreSQL and MariaDB. */
    public static final String DATABASE = "chinook";

    /** Rows per table of Chinook 1.4.5, keyed by snake_case table name, in the order of its README. */
    public static final Map<String, Integer> EXPECTED_ROW_COUNTS = expectedRowCounts();

    // Lines the scripts start with to make and enter their own database: the loader makes and
    // enters database "chinook" itself, and JDBC cannot run psql's \c anyway.
    private static final Pattern OWN_DATABASE = Pattern.compile(
            "(?is)(?:(?:DROP|CREATE)\\s+(?:DATABASE|SCHEMA)\\b|USE\\s|\\\\).*");
    private static final int BATCH_SIZE = 100;
    private static final Map<DatabaseKind, Optional<TestDatabase>> LOADED = new EnumMap<>(DatabaseKind.class);

    private Chinook() {
    }

    private static Map<String, Integer> expectedRowCounts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("artist", 275);
        m.put("album", 347);
        m.put("track", 3503);
        m.put("genre", 25);
        m.put("media_type", 5);
        m.put("playlist", 18);
        m.put("playlist_track", 8715);
        m.put("customer", 59);
        m.put("employee", 8);
        m.put("invoice", 412);
        m.put("invoice_line", 2240);
        return Collections.unmodifiableMap(m);
    }

    /**
     * The Chinook database of this kind, loaded (or found already loaded) and checked against
     * {@link #EXPECTED_ROW_COUNTS}; the same instance on every call in a JVM.
     *
     * @return empty when the server is not reachable (which {@link TestDatabases} allows only
     *     outside CI)
     * @throws TestSetupException when loading fails or the loaded row counts are wrong
     */
    public static synchronized Optional<TestDatabase> load(DatabaseKind kind) {
        Optional<TestDatabase> loaded = LOADED.get(kind);
        if (loaded == null) {
            loaded = switch (kind) {
                case SQLITE -> Optional.of(copySqlite());
                case POSTGRESQL, MARIADB -> TestDatabases.address(kind).map(Chinook::loadOnServer);
            };
            loaded.ifPresent(Chinook::verify);
            LOADED.put(kind, loaded); // only after verify: a failed load is retried, not remembered
        }
        return loaded;
    }

    /**
     * The name of a Chinook table as this database spells it: {@code tableName(SQLITE, "invoice_line")}
     * is {@code InvoiceLine}, on PostgreSQL {@code invoice_line}.
     *
     * @throws TestSetupException for a name that is not one of {@link #EXPECTED_ROW_COUNTS}'s keys
     */
    public static String tableName(DatabaseKind kind, String snakeName) {
        if (!EXPECTED_ROW_COUNTS.containsKey(snakeName)) {
            throw new TestSetupException("not a Chinook table: " + snakeName + "; the tables are " + EXPECTED_ROW_COUNTS.keySet());
        }
        return columnName(kind, snakeName);
    }

    /**
     * The name of a Chinook column as this database spells it: {@code columnName(MARIADB, "unit_price")}
     * is {@code UnitPrice}, on PostgreSQL {@code unit_price}. Not checked against the schema.
     */
    public static String columnName(DatabaseKind kind, String snakeName) {
        if (kind == DatabaseKind.POSTGRESQL) {
            return snakeName;
        }
        StringBuilder pascal = new StringBuilder(snakeName.length());
        for (String word : snakeName.split("_")) {
            if (!word.isEmpty()) {
                pascal.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return pascal.toString();
    }

    /** The rows in each Chinook table of this database, keyed by snake_case name. */
    public static Map<String, Integer> rowCounts(TestDatabase db) {
        try (Connection c = db.openJdbc()) {
            return rowCounts(c, db.kind());
        } catch (SQLException e) {
            throw new TestSetupException("cannot count the Chinook rows in " + db.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Integer> rowCounts(Connection c, DatabaseKind kind) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            for (String table : EXPECTED_ROW_COUNTS.keySet()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + tableName(kind, table))) {
                    rs.next();
                    counts.put(table, rs.getInt(1));
                }
            }
        }
        return counts;
    }

    private static void verify(TestDatabase db) {
        Map<String, Integer> counts = rowCounts(db);
        if (!counts.equals(EXPECTED_ROW_COUNTS)) {
            throw new TestSetupException("Chinook in " + db.jdbcUrl() + " has the row counts " + counts
                    + " instead of " + EXPECTED_ROW_COUNTS);
        }
    }

    private static TestDatabase copySqlite() {
        Path original = SharedData.resolve("chinook/Chinook_Sqlite.sqlite");
        try {
            Path dir = Files.createTempDirectory("ashlar-chinook");
            Path file = dir.resolve("chinook.db");
            // registered before the file, because files registered later are deleted first
            dir.toFile().deleteOnExit();
            file.toFile().deleteOnExit();
            // copied through a stream: Files.copy(Path, Path) would carry over the original's
            // read-only permission, and tests may write to their copy
            try (InputStream in = Files.newInputStream(original)) {
                Files.copy(in, file);
            }
            String path = file.toAbsolutePath().toString();
            return new TestDatabase(DatabaseKind.SQLITE, "sqlite:///" + path, "jdbc:sqlite:" + path, null, null, false);
        } catch (IOException e) {
            throw new TestSetupException("cannot copy " + original + " to a temporary file", e);
        }
    }

    private static TestDatabase loadOnServer(ServerAddress server) {
        TestDatabase db = server.database(DATABASE, false);
        try (Connection admin = server.openAdmin(); Statement s = admin.createStatement()) {
            lock(s, server.kind());
            if (alreadyLoaded(s, db)) {
                return db;
            }
            System.err.println("[ashlar-testkit] loading Chinook into " + db.jdbcUrl());
            if (server.kind() == DatabaseKind.POSTGRESQL) {
                // WITH (FORCE): a half-loaded leftover may still have sessions of a JVM that died
                s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8'");
                runScript(db, "chinook/Chinook_PostgreSql.sql", SqlScript.Dialect.POSTGRESQL, List.of());
            } else {
                s.execute("DROP DATABASE IF EXISTS " + DATABASE);
                s.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                // The script writes "Cavalleria Rusticana \ Act \ ..." meaning a literal backslash,
                // as the SQLite and PostgreSQL versions hold it; in MariaDB's default mode "\ " would
                // lose the backslash. So the script is run, and split, without backslash escapes.
                runScript(db, "chinook/Chinook_MySql.sql", SqlScript.Dialect.MYSQL_NO_BACKSLASH_ESCAPES,
                        List.of("SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',NO_BACKSLASH_ESCAPES')"));
            }
            return db;
        } catch (SQLException e) {
            throw new TestSetupException("cannot load Chinook into " + db.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    /** Takes a lock for the rest of the admin session, so that two JVMs do not load at once. */
    private static void lock(Statement admin, DatabaseKind kind) throws SQLException {
        String sql = kind == DatabaseKind.POSTGRESQL
                ? "SELECT pg_advisory_lock(" + "ashlar_chinook".hashCode() + ")"
                : "SELECT GET_LOCK('ashlar_chinook', 600)";
        try (ResultSet rs = admin.executeQuery(sql)) {
            rs.next();
            // GET_LOCK answers 0 on timeout: loading anyway could drop a database another JVM is filling
            if (kind == DatabaseKind.MARIADB && rs.getInt(1) != 1) {
                throw new SQLException("timed out waiting for another JVM to finish loading Chinook");
            }
        }
    }

    private static boolean alreadyLoaded(Statement admin, TestDatabase db) throws SQLException {
        String exists = db.kind() == DatabaseKind.POSTGRESQL
                ? "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'"
                : "SELECT 1 FROM information_schema.schemata WHERE schema_name = '" + DATABASE + "'";
        try (ResultSet rs = admin.executeQuery(exists)) {
            if (!rs.next()) {
                return false;
            }
        }
        try (Connection c = db.openJdbc()) {
            return rowCounts(c, db.kind()).equals(EXPECTED_ROW_COUNTS);
        } catch (SQLException e) {
            return false; // tables missing: a load that failed half-way, to be redone
        }
    }

    /**
     * Runs a Chinook script in one transaction (atomic on PostgreSQL, where DDL is transactional)
     * and in batches, so that its statements do not each wait for a round trip and a commit.
     */
    private static void runScript(TestDatabase db, String script, SqlScript.Dialect dialect, List<String> setup)
            throws SQLException {
        List<String> statements = SqlScript.split(read(script), dialect);
        try (Connection c = db.openJdbc(); Statement s = c.createStatement()) {
            for (String sql : setup) {
                s.execute(sql);
            }
            c.setAutoCommit(false);
            int pending = 0;
            for (String sql : statements) {
                if (isOwnDatabaseStatement(sql)) {
                    continue;
                }
                s.addBatch(sql);
                if (++pending == BATCH_SIZE) {
                    s.executeBatch();
                    pending = 0;
                }
            }
            s.executeBatch();
            c.commit();
        }
    }

    private static String read(String script) {
        Path file = SharedData.resolve(script);
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TestSetupException("cannot read " + file, e);
        }
    }

    /** Whether a script statement makes or enters the script's own database, which the loader does itself. */
    static boolean isOwnDatabaseStatement(String sql) {
        return OWN_DATABASE.matcher(sql).matches();
    }
}
