package dev.ashlar.core.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.Dialects;
import dev.ashlar.core.error.AshlarException;
import dev.ashlar.core.error.ConfigurationException;
import dev.ashlar.core.error.ConnectionException;
import dev.ashlar.core.error.DatabaseException;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The starting point: a dialect plus a connection pool for one database. Thread-safe; make one per
 * database and share it. Creating an engine does not connect; the first {@link #connect()} does.
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
    /** A {@link HikariDataSource}, or {@link PlainConnections} when the options ask for no pool. */
    private final DataSource pool;
    private final AutoCloseable keepAlive;
    private final Echo echo;
    /** Each pooled connection's prepared statements, by the driver's connection (weakly: the pool decides its life). */
    private final Map<java.sql.Connection, StatementCache> statementCaches = new WeakHashMap<>();

    private Engine(EngineUrl url, Dialect dialect, DataSource pool, AutoCloseable keepAlive, Echo echo) {
        this.url = url;
        this.dialect = dialect;
        this.pool = pool;
        this.keepAlive = keepAlive;
        this.echo = echo;
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
        config.setMinimumIdle(0);
        config.setConnectionTimeout(Math.max(250, options.connectTimeout().toMillis()));
        // Lazy start, like SQLAlchemy: a wrong URL is reported by the first connect(), as a typed error.
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(true);
        dialect.configurePool(config, parsed);
        parsed.options().forEach(config::addDataSourceProperty);
        options.driverProperties().forEach(config::addDataSourceProperty);

        AutoCloseable keepAlive;
        try {
            keepAlive = dialect.keepAlive(jdbcUrl);
        } catch (SQLException e) {
            throw dialect.translate(e, null, null);
        }
        DataSource pool = options.isPooled() ? new HikariDataSource(config) : new PlainConnections(config);
        return new Engine(parsed, dialect, pool, keepAlive, new Echo(options.isEcho()));
    }

    private static void requireDriver(Dialect dialect) {
        try {
            Class.forName(dialect.driverClassName());
        } catch (ClassNotFoundException e) {
            throw new ConfigurationException("the " + dialect.name() + " JDBC driver (" + dialect.driverClassName()
                    + ") is not on the classpath; add the dependency " + dialect.driverArtifact(), e);
        }
    }

    /** Borrows a connection from the pool; close it to give it back. */
    public Connection connect() {
        try {
            return new Connection(this, pool.getConnection());
        } catch (SQLException e) {
            // The pool reports every failed connect as a timeout without a SQLSTATE; the driver's own error, its
            // cause, says what went wrong (refused, no such file, bad password). Any failure here is a connection failure.
            SQLException reason = e.getCause() instanceof SQLException cause ? cause : e;
            DatabaseException translated = dialect.translate(reason, null, null);
            throw translated instanceof ConnectionException ? translated : new ConnectionException(reason, null, null);
        }
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

    /** The URL this engine was made from (password masked in its {@code toString}). */
    public EngineUrl url() {
        return url;
    }

    /** The statement cache of the driver connection under {@code physical}. */
    /** Takes a broken connection out of the pool, so that no later borrower gets it. */
    void evict(java.sql.Connection pooled) {
        if (pool instanceof HikariDataSource hikari) {
            hikari.evictConnection(pooled);
        }
    }

    StatementCache statementCache(java.sql.Connection physical) {
        synchronized (statementCaches) {
            return statementCaches.computeIfAbsent(physical, c -> new StatementCache());
        }
    }

    Echo echo() {
        return echo;
    }

    /** Closes the pool and every connection in it. */
    @Override
    public void close() {
        if (pool instanceof HikariDataSource hikari) {
            hikari.close();
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
        return "Engine(" + url + ")";
    }
}
