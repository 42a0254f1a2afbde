package dev.ashlar.bench.probe;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Plain JDBC through HikariCP: who should cache prepared statements, the driver or Ashlar? Each
 * operation borrows a connection from the pool, runs {@code perBorrow} statements (a lookup by key,
 * or a one-row insert in autocommit) and gives the connection back, as a request or a short session
 * does. The {@code cache} parameter is where statements come from:
 * <ul>
 *   <li>{@code none}: prepared on the pool's proxy and closed after each use, the driver's cache off
 *       (PostgreSQL {@code prepareThreshold=0}: every execution is parsed and planned again; MariaDB
 *       client-side prepares; SQLite compiles the SQL on each prepare, it has no cache to turn off);</li>
 *   <li>{@code driver}: prepared on the proxy and closed after each use, the driver's own cache on
 *       (PostgreSQL's defaults {@code prepareThreshold=5}, {@code preparedStatementCacheQueries=256};
 *       MariaDB {@code useServerPrepStmts=true&cachePrepStmts=true}); SQLite has none, so it is not run;</li>
 *   <li>{@code borrowing}: Ashlar's cache kept for one borrowing only: statements prepared on the proxy,
 *       reused while the connection is held, closed when it goes back (the pool sees every statement);</li>
 *   <li>{@code ashlar}: Ashlar's cache as it was: statements prepared on the driver's connection under the
 *       proxy and kept across borrowings, the driver's settings as Ashlar's dialects leave them.</li>
 * </ul>
 * Run after {@code mvn -B -q -pl bench -am -DskipTests package} (PostgreSQL and MariaDB databases
 * {@code ashlar_bench}, or {@code $ASHLAR_BENCH_DB}, created on first use):
 * {@code java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.openjdk.jmh.Main 'probe.StatementCaching' -p db=sqlite -p cache=none,borrowing,ashlar}.
 * {@code bench/run} leaves the probes out.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StatementCaching {
    private static final int ROWS = 1_000;
    private static final String LOOKUP = "SELECT id, name, price FROM cache_probe WHERE id = ?";
    private static final String INSERT = "INSERT INTO cache_probe (name, price) VALUES (?, ?)";

    /** {@code sqlite}, {@code postgresql} or {@code mariadb}. */
    @Param({"sqlite", "postgresql", "mariadb"})
    public String db;

    /** Where statements come from: {@code none}, {@code driver}, {@code borrowing} or {@code ashlar}. */
    @Param({"none", "driver", "borrowing", "ashlar"})
    public String cache;

    /** Statements per borrowing of a connection. */
    @Param({"1", "10"})
    public int perBorrow;

    private HikariDataSource pool;
    /** Ashlar's former cache: statements by SQL, per driver connection, kept across borrowings. */
    private final Map<Connection, Map<String, PreparedStatement>> kept = new IdentityHashMap<>();
    private int next;

    @Setup(Level.Trial)
    public void open() throws Exception {
        if (db.equals("sqlite") && cache.equals("driver")) {
            throw new IllegalArgumentException("sqlite-jdbc has no statement cache: run sqlite with cache=none,borrowing,ashlar");
        }
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(2);
        config.setAutoCommit(true);
        String name = System.getenv().getOrDefault("ASHLAR_BENCH_DB", "ashlar_bench");
        switch (db) {
            case "sqlite" -> {
                Path dir = Path.of(System.getProperty("ashlar.bench.dir", "bench/results/tmp")).toAbsolutePath();
                Files.createDirectories(dir);
                config.setJdbcUrl("jdbc:sqlite:" + dir.resolve("cache-probe.db"));
                // the pragmas of Ashlar's SQLite dialect
                config.addDataSourceProperty("journal_mode", "WAL");
                config.addDataSourceProperty("synchronous", "NORMAL");
                config.addDataSourceProperty("busy_timeout", "10000");
            }
            case "postgresql" -> {
                createDatabase("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres", name);
                config.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres");
                config.addDataSourceProperty("reWriteBatchedInserts", "true");
                if (cache.equals("none")) {
                    config.addDataSourceProperty("prepareThreshold", "0");
                }
            }
            case "mariadb" -> {
                createDatabase("jdbc:mariadb://127.0.0.1:3306/?user=root", name);
                config.setJdbcUrl("jdbc:mariadb://127.0.0.1:3306/" + name + "?user=root");
                config.addDataSourceProperty("useBulkStmtsForInserts", "true");
                if (cache.equals("driver")) {
                    config.addDataSourceProperty("useServerPrepStmts", "true");
                    config.addDataSourceProperty("cachePrepStmts", "true");
                }
            }
            default -> throw new IllegalArgumentException("db must be sqlite, postgresql or mariadb, not " + db);
        }
        pool = new HikariDataSource(config);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS cache_probe");
            s.execute("CREATE TABLE cache_probe (id " + (db.equals("postgresql") ? "SERIAL" : db.equals("mariadb")
                    ? "INTEGER AUTO_INCREMENT" : "INTEGER") + " PRIMARY KEY, name VARCHAR(40) NOT NULL, price DECIMAL(10, 2) NOT NULL)");
        }
        fill();
    }

    private static void createDatabase(String adminUrl, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            if (adminUrl.startsWith("jdbc:mariadb")) {
                s.execute("CREATE DATABASE IF NOT EXISTS " + name);
                return;
            }
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + name);
        }
    }

    /** Empties the table and loads {@link #ROWS} rows, so each iteration's inserts start from the same table. */
    @Setup(Level.Iteration)
    public void fill() throws SQLException {
        try (Connection c = pool.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM cache_probe");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cache_probe (id, name, price) VALUES (?, ?, ?)")) {
                for (int i = 1; i <= ROWS; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "item-" + i);
                    ps.setBigDecimal(3, java.math.BigDecimal.valueOf(i, 2));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            if (db.equals("postgresql")) {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT setval(pg_get_serial_sequence('cache_probe', 'id'), " + ROWS + ")");
                    s.execute("ANALYZE cache_probe");
                }
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        for (Map<String, PreparedStatement> statements : kept.values()) {
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
        }
        kept.clear();
        pool.close();
    }

    /** The pool (for {@link StatementCachingCpu}). */
    com.zaxxer.hikari.HikariDataSource pool() {
        return pool;
    }

    /** A unit of work with one statement. */
    interface Use {
        void run(PreparedStatement ps, int n) throws SQLException;
    }

    void borrowAndRun(String sql, Use use) throws SQLException {
        try (Connection c = pool.getConnection()) {
            Map<String, PreparedStatement> borrowing = cache.equals("borrowing") ? new HashMap<>() : null;
            for (int i = 0; i < perBorrow; i++) {
                int n = next++ % ROWS + 1;
                switch (cache) {
                    case "none", "driver" -> {
                        try (PreparedStatement ps = c.prepareStatement(sql)) {
                            use.run(ps, n);
                        }
                    }
                    case "borrowing" -> use.run(borrowing.computeIfAbsent(sql, s -> prepare(c, s)), n);
                    case "ashlar" -> {
                        Connection physical = c.unwrap(Connection.class);
                        use.run(kept.computeIfAbsent(physical, k -> new HashMap<>()).computeIfAbsent(sql, s -> prepare(physical, s)), n);
                    }
                    default -> throw new IllegalArgumentException("cache must be none, driver, borrowing or ashlar, not " + cache);
                }
            }
            // the pool closes the statements prepared on its proxy as the connection goes back
        }
    }

    private static PreparedStatement prepare(Connection c, String sql) {
        try {
            return c.prepareStatement(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Borrow, look up {@code perBorrow} rows by key (reading every column), give back. */
    @Benchmark
    public void lookup(Blackhole bh) throws SQLException {
        borrowAndRun(LOOKUP, (ps, n) -> {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row " + n);
                }
                bh.consume(rs.getInt(1));
                bh.consume(rs.getString(2));
                bh.consume(rs.getBigDecimal(3));
            }
        });
    }

    /** Borrow, insert {@code perBorrow} rows one by one in autocommit, give back. */
    @Benchmark
    public void insert() throws SQLException {
        borrowAndRun(INSERT, (ps, n) -> {
            ps.setString(1, "new-" + n);
            ps.setBigDecimal(2, java.math.BigDecimal.valueOf(n, 2));
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("insert wrote no row");
            }
        });
    }
}
