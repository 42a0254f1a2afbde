package dev.ashlar.core.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import com.zaxxer.hikari.util.DriverDataSource;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.Dialects;
import dev.ashlar.core.error.AshlarException;
import dev.ashlar.core.error.ConfigurationException;
import dev.ashlar.core.error.ConnectionException;
import dev.ashlar.core.error.DatabaseException;
import dev.ashlar.core.error.PoolExhaustedException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.sql.SQLException;
import javax.sql.DataSource;
import java.util.function.Consumer;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * The starting point: a dialect plus a connection pool for one database. Thread-safe; make one per
 * database and share it. Creating an engine from a URL does not connect; the first {@link #connect()}
 * does. An engine can also work over a {@link DataSource} the application already has
 * ({@link #create(DataSource, EngineOptions)}), which it borrows from and never closes.
 *
 * <pre>{@code
 * try (Engine engine = Engine.create("sqlite:///items.db", EngineOptions.echo())) {
 *     engine.transaction(conn -> conn.execute(insertInto(items).set(name, "Widget")));
 * }
 * }</pre>
 */
public final class Engine implements AutoCloseable {
    private final EngineUrl url;
    private final Dialect dialect;
    /** Where connections come from: the engine's own pool, or the caller's data source. */
    private final DataSource dataSource;
    /** The engine's own pool, closed with it; {@code null} over a caller's data source, which its owner closes. */
    private final HikariDataSource pool;
    /** Session setup of connections from a caller's data source; {@code null} for the engine's own pool, which does it itself. */
    private final BorrowedConnections borrowed;
    private final ManagedTransactions managedTransactions;
    private final AutoCloseable keepAlive;
    private final Echo echo;
    private final List<ExecutionListener> listeners;
    private final boolean prePing;
    private final long connectTimeoutMillis;
    /** The driver's data source under the pool, counting failed connection attempts. */
    private final ConnectAttempts attempts;
    /** Each pooled connection's prepared statements, by the driver's connection (weakly: the pool decides its life). */
    private final Map<java.sql.Connection, StatementCache> statementCaches = new WeakHashMap<>();

    private Engine(EngineUrl url, Dialect dialect, DataSource dataSource, HikariDataSource pool, AutoCloseable keepAlive,
                   EngineOptions options, ConnectAttempts attempts) {
        this.url = url;
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.pool = pool;
        this.borrowed = pool == null ? new BorrowedConnections(dialect) : null;
        this.managedTransactions = pool == null ? options.managedTransactions() : ManagedTransactions.NONE;
        this.keepAlive = keepAlive;
        this.echo = new Echo(options.isEcho());
        this.listeners = withSlowQueryLog(options);
        this.prePing = options.isPrePing();
        this.connectTimeoutMillis = pool != null ? pool.getConnectionTimeout() : options.connectTimeout().toMillis();
        this.attempts = attempts;
    }

    private static List<ExecutionListener> withSlowQueryLog(EngineOptions options) {
        if (options.slowQueryThreshold() == null) {
            return options.listeners();
        }
        List<ExecutionListener> all = new java.util.ArrayList<>(options.listeners());
        all.add(new SlowQueryLog(options.slowQueryThreshold()));
        return List.copyOf(all);
    }

    /** An engine for {@code url} with default options. */
    public static Engine create(String url) {
        return create(url, EngineOptions.defaults());
    }

    /** An engine for {@code url}; see {@link EngineUrl} for the accepted forms. */
    public static Engine create(String url, EngineOptions options) {
        EngineUrl parsed = EngineUrl.parse(url);
        Dialect dialect = Dialects.forScheme(parsed.scheme());
        requireDriver(dialect);
        String jdbcUrl = parsed.jdbcUrl() != null ? parsed.jdbcUrl() : dialect.jdbcUrl(parsed);

        HikariConfig config = new HikariConfig();
        config.setPoolName("ashlar-" + dialect.name());
        config.setJdbcUrl(jdbcUrl);
        config.setDriverClassName(dialect.driverClassName());
        if (parsed.user() != null) {
            config.setUsername(parsed.user());
        }
        if (parsed.password() != null) {
            config.setPassword(parsed.password());
        }
        config.setMaximumPoolSize(options.poolSize());
        config.setMinimumIdle(Math.min(options.minimumIdle(), options.poolSize()));
        config.setConnectionTimeout(Math.max(250, options.connectTimeout().toMillis()));
        config.setIdleTimeout(options.idleTimeout().toMillis());
        config.setMaxLifetime(options.maxLifetime().toMillis());
        config.setLeakDetectionThreshold(options.leakDetectionThreshold().toMillis());
        // Lazy start, like SQLAlchemy: a wrong URL is reported by the first connect(), as a typed error.
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(true);
        // The pool takes a connection out by itself when a failure passing through its proxies means the connection is lost.
        config.setExceptionOverride(new PoolEviction(dialect));
        dialect.configurePool(config, parsed);
        parsed.options().forEach(config::addDataSourceProperty);
        options.driverProperties().forEach(config::addDataSourceProperty);

        AutoCloseable keepAlive;
        try {
            keepAlive = dialect.keepAlive(jdbcUrl);
        } catch (SQLException e) {
            throw dialect.translate(e, null, null);
        }
        if (!options.isPooled()) {
            // No pool: each connect() opens a driver connection set up from the same configuration (PlainConnections).
            return new Engine(parsed, dialect, new PlainConnections(config), null, keepAlive, options, null);
        }
        // The pool opens connections through this wrapper of the driver, which counts failed attempts (see connect()).
        // A dialect may have set a data source of its own (SQLite's registers Ashlar's functions on each connection): wrap that.
        DataSource opener = config.getDataSource() != null ? config.getDataSource() : new DriverDataSource(jdbcUrl,
                dialect.driverClassName(), config.getDataSourceProperties(), config.getUsername(), config.getPassword());
        ConnectAttempts attempts = new ConnectAttempts(opener);
        config.setDataSource(attempts);
        HikariDataSource pool = new HikariDataSource(config);
        return new Engine(parsed, dialect, pool, pool, keepAlive, options, attempts);
    }

    /**
     * An engine over a {@link DataSource} that the caller made and owns (a HikariCP pool, Spring's
     * data source), with default options; the dialect comes from the database's metadata.
     *
     * @see #create(DataSource, EngineOptions)
     */
    public static Engine create(DataSource dataSource) {
        return create(dataSource, EngineOptions.defaults());
    }

    /**
     * An engine over a {@link DataSource} that the caller made and owns. Its dialect is found by
     * asking each installed {@link dev.ashlar.core.dialect.DialectProvider} whether it recognizes the
     * database that one connection's metadata describes, so this borrows a connection once; to name
     * the dialect instead, use {@link #create(DataSource, Dialect, EngineOptions)}.
     *
     * <p>The data source is used as it is: the pool settings of {@code options} do not apply, and
     * {@link #close()} leaves it open. Each connection Ashlar borrows gets the session settings that
     * Ashlar's own pool gives its connections (see
     * {@link Dialect#prepareBorrowedConnection(java.sql.Connection)}), checked at borrowing.
     *
     * @throws ConfigurationException when no installed dialect recognizes the database
     * @throws ConnectionException    when no connection can be had to read the metadata
     */
    public static Engine create(DataSource dataSource, EngineOptions options) {
        Dialect dialect;
        try (java.sql.Connection connection = dataSource.getConnection()) {
            dialect = Dialects.forMetadata(connection.getMetaData());
        } catch (SQLException e) {
            throw new ConnectionException(e, null, null);
        }
        return create(dataSource, dialect, options);
    }

    /** An engine over a caller's {@link DataSource}, in {@code dialect}; it connects only when used. */
    public static Engine create(DataSource dataSource, Dialect dialect, EngineOptions options) {
        if (dataSource == null || dialect == null || options == null) {
            throw new ConfigurationException("Engine.create(dataSource, dialect, options) needs all three; got "
                    + dataSource + ", " + dialect + ", " + options);
        }
        return new Engine(null, dialect, dataSource, null, null, options, null);
    }

    private static void requireDriver(Dialect dialect) {
        try {
            Class.forName(dialect.driverClassName());
        } catch (ClassNotFoundException e) {
            throw new ConfigurationException("the " + dialect.name() + " JDBC driver (" + dialect.driverClassName()
                    + ") is not on the classpath; add the dependency " + dialect.driverArtifact(), e);
        }
    }

    /** How long one wait inside {@link #connect()} lasts before it looks for a failed attempt to open a connection. */
    private static final long CONNECT_SLICE_MILLIS = 50;

    /**
     * Borrows a connection from the pool; close it to give it back. Waits up to the connect timeout
     * for a free connection, then fails with a {@link PoolExhaustedException} if all are in use. When
     * the pool must open a connection and that fails (refused, wrong password, unknown database, no
     * such file), fails at once, after that one attempt, with a {@link ConnectionException} that says
     * what to check.
     */
    public Connection connect() {
        if (dataSource instanceof PlainConnections plain) {
            return connectPlain(plain);
        }
        if (pool == null) {
            return connectBorrowed();
        }
        HikariPool hikari = (HikariPool) pool.getHikariPoolMXBean();
        long start = System.nanoTime();
        long failuresBefore = attempts.failures();
        attempts.arm();
        int checked = 0;
        while (true) {
            long waited = (System.nanoTime() - start) / 1_000_000;
            long remaining = connectTimeoutMillis - waited;
            java.sql.Connection jdbc;
            try {
                // In slices, so that a failed attempt to open a connection ends the wait, where the pool would retry
                // until the timeout (and try a wrong password again and again).
                jdbc = hikari.getConnection(Math.max(1, Math.min(remaining, CONNECT_SLICE_MILLIS)));
            } catch (SQLException e) {
                if (attempts.failures() != failuresBefore && attempts.lastFailure() != null) {
                    throw connectFailure(attempts.lastFailure());
                }
                if (e instanceof SQLTransientConnectionException && remaining > CONNECT_SLICE_MILLIS) {
                    continue;
                }
                if (hikari.getActiveConnections() >= pool.getMaximumPoolSize()) {
                    throw new PoolExhaustedException(e, pool.getMaximumPoolSize(), waited);
                }
                throw connectFailure(e.getCause() instanceof SQLException cause ? cause : e);
            }
            if (prePing && checked++ <= pool.getMaximumPoolSize() && !alive(jdbc)) {
                continue;
            }
            return new Connection(this, jdbc);
        }
    }

    /** {@link #connect()} without a pool: a new driver connection, already set up; a failure names the URL and what to check. */
    private Connection connectPlain(PlainConnections plain) {
        try {
            return new Connection(this, plain.getConnection());
        } catch (SQLException e) {
            throw connectFailure(e);
        }
    }

    /** {@link #connect()} over a caller's data source: its own wait and errors, Ashlar's session settings, a managed transaction joined. */
    private Connection connectBorrowed() {
        java.sql.Connection jdbc = null;
        try {
            jdbc = dataSource.getConnection();
            borrowed.prepare(jdbc);
            Connection connection = new Connection(this, jdbc);
            if (managedTransactions.isManaged(jdbc)) {
                connection.joinManagedTransaction();
            }
            return connection;
        } catch (SQLException e) {
            if (jdbc != null) {
                // Borrowed, but its session setup failed: give it back, and report what the database said.
                try {
                    jdbc.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
                throw dialect.translate(e, null, null);
            }
            SQLException reason = e.getCause() instanceof SQLException cause ? cause : e;
            DatabaseException translated = dialect.translate(reason, null, null);
            throw translated instanceof ConnectionException ? translated : new ConnectionException(reason, null, null);
        }
    }

    /** Pre-ping: whether a borrowed connection answers; a dead one is taken out of the pool. */
    private boolean alive(java.sql.Connection jdbc) {
        boolean valid;
        try {
            valid = jdbc.isValid(Math.max(1, (int) (connectTimeoutMillis / 1000)));
        } catch (SQLException e) {
            valid = false;
        }
        if (!valid) {
            evict(jdbc);
        }
        return valid;
    }

    /** A failed attempt to open a connection, typed, naming the URL and what to check. */
    private DatabaseException connectFailure(SQLException reason) {
        SQLException described = new SQLException("could not connect to " + url + ": " + String.valueOf(reason.getMessage()).strip()
                + "; " + dialect.connectFailureHint(reason, url), reason.getSQLState(), reason.getErrorCode(), reason);
        DatabaseException translated = dialect.translate(described, null, null);
        return translated instanceof ConnectionException ? translated : new ConnectionException(described, null, null);
    }

    /** The pool's figures now: connections lent out, idle, threads waiting, and the pool's size. */
    public PoolStats pool() {
        HikariDataSource source = pool != null ? pool : callersHikari();
        if (dataSource instanceof PlainConnections) {
            throw new ConfigurationException("this engine has no pool (EngineOptions.pooled(false)): each connect() opens a connection");
        }
        if (source == null) {
            throw new ConfigurationException("this engine borrows from " + dataSource + ", which is not a HikariCP pool; "
                    + "ask that data source for its figures");
        }
        HikariPool hikari = (HikariPool) source.getHikariPoolMXBean();
        return new PoolStats(hikari.getActiveConnections(), hikari.getIdleConnections(), hikari.getThreadsAwaitingConnection(),
                source.getMaximumPoolSize());
    }

    /** How many attempts to open a connection have failed so far (a connect that cannot succeed makes one). */
    long failedConnectAttempts() {
        return attempts.failures();
    }

    /** The listeners told about every statement of every connection, from {@link EngineOptions#listener}. */
    List<ExecutionListener> listeners() {
        return listeners;
    }

    /** Runs {@code work} in a transaction: committed if it returns, rolled back if it throws. */
    public <T> T transaction(Function<Connection, T> work) {
        try (Connection connection = connect(); Transaction tx = connection.begin()) {
            T result = work.apply(connection);
            tx.commit();
            return result;
        }
    }

    /** Runs {@code work} in a transaction: committed if it returns, rolled back if it throws. */
    public void inTransaction(Consumer<Connection> work) {
        transaction(connection -> {
            work.accept(connection);
            return null;
        });
    }

    /** The dialect of this engine's database. */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * The URL this engine was made from (password masked in its {@code toString}), or {@code null}
     * for an engine over a caller's {@link DataSource}.
     */
    public EngineUrl url() {
        return url;
    }

    /** Where this engine's connections come from: its own HikariCP pool, or the caller's data source. */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Takes a connection that failed its pre-ping out of the pool, so that no later borrower gets it:
     * the pool's own eviction, which closes it once it is given back. (A connection that breaks while
     * a statement runs needs no help: the pool sees the failure through its proxy.)
     */
    void evict(java.sql.Connection pooled) {
        HikariDataSource hikari = pool != null ? pool : callersHikari();
        if (hikari != null) {
            hikari.evictConnection(pooled);
        }
        // Another pool validates what it hands out; Ashlar cannot take a connection out of it.
    }

    private HikariDataSource callersHikari() {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /** The statement cache of the driver connection under {@code physical}. */

    StatementCache statementCache(java.sql.Connection physical) {
        synchronized (statementCaches) {
            return statementCaches.computeIfAbsent(physical, c -> new StatementCache());
        }
    }

    Echo echo() {
        return echo;
    }

    /**
     * Closes the engine's own pool and every connection in it. An engine over a caller's
     * {@link DataSource} leaves it open: its owner closes it.
     */
    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
        if (keepAlive != null) {
            try {
                keepAlive.close();
            } catch (Exception e) {
                throw new AshlarException("could not close the engine's keep-alive connection", e);
            }
        }
    }

    @Override
    public String toString() {
        return url != null ? "Engine(" + url + ")" : "Engine(" + dialect + " over " + dataSource + ")";
    }
}
