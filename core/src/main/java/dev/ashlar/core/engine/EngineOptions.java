package dev.ashlar.core.engine;

import dev.ashlar.core.error.ConfigurationException;
import dev.ashlar.core.error.UsageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How an engine behaves. Start from {@link #defaults()} (or {@link #echo()}) and change what you
 * need: {@code EngineOptions.defaults().echo(true).poolSize(20)}. Immutable: each setter returns a
 * changed copy.
 *
 * <p>The pool settings ({@link #poolSize}, {@link #minimumIdle}, {@link #connectTimeout},
 * {@link #idleTimeout}, {@link #maxLifetime}, {@link #leakDetectionThreshold}) configure the HikariCP
 * pool of an engine made from a URL. An engine over a {@link javax.sql.DataSource} of the caller's
 * uses that data source as it is and ignores them: its owner configures it.
 */
public final class EngineOptions {
    private boolean echo;
    private int poolSize = 10;
    private int minimumIdle;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration idleTimeout = Duration.ofMinutes(10);
    private Duration maxLifetime = Duration.ofMinutes(30);
    private Duration leakDetectionThreshold = Duration.ZERO;
    private Map<String, String> driverProperties = Map.of();
    private ManagedTransactions managedTransactions = ManagedTransactions.NONE;
    private List<ExecutionListener> listeners = List.of();
    private boolean prePing;
    private Duration slowQueryThreshold;
    private boolean pooled = true;

    private EngineOptions() {
    }

    // Each setter changes a fresh copy, so that adding an option touches one setter, not every one.
    private EngineOptions copy() {
        EngineOptions c = new EngineOptions();
        c.echo = echo;
        c.poolSize = poolSize;
        c.minimumIdle = minimumIdle;
        c.connectTimeout = connectTimeout;
        c.idleTimeout = idleTimeout;
        c.maxLifetime = maxLifetime;
        c.leakDetectionThreshold = leakDetectionThreshold;
        c.driverProperties = driverProperties;
        c.managedTransactions = managedTransactions;
        c.listeners = listeners;
        c.prePing = prePing;
        c.slowQueryThreshold = slowQueryThreshold;
        c.pooled = pooled;
        return c;
    }

    /**
     * Echo off; a pool of at most 10 connections that opens them as needed (no idle minimum), a
     * 10-second connect timeout, idle connections closed after 10 minutes, every connection replaced
     * after 30 minutes, leak detection off; no listeners, no pre-ping.
     */
    public static EngineOptions defaults() {
        return new EngineOptions();
    }

    /** The defaults with echo on: every statement is logged, as with SQLAlchemy's {@code echo=True}. */
    public static EngineOptions echo() {
        return defaults().echo(true);
    }

    /**
     * Logs each statement with its parameters, time and row count, and BEGIN/COMMIT/ROLLBACK, through
     * SLF4J logger {@code ashlar.engine} at INFO. Off costs one boolean check per statement.
     */
    public EngineOptions echo(boolean echo) {
        EngineOptions c = copy();
        c.echo = echo;
        return c;
    }

    /**
     * The most connections the pool opens (default 10). A {@code connect()} beyond that waits for one
     * to come back, up to the {@link #connectTimeout(Duration) connect timeout}, then fails with a
     * {@link dev.ashlar.core.error.PoolExhaustedException}. SQLite uses at most 4: it has one writer
     * at a time, and more connections only queue on its lock. HikariCP's {@code maximumPoolSize}.
     */
    public EngineOptions poolSize(int poolSize) {
        if (poolSize < 1) {
            throw new UsageException("poolSize must be at least 1, got " + poolSize);
        }
        EngineOptions c = copy();
        c.poolSize = poolSize;
        return c;
    }

    /**
     * How many idle connections the pool keeps open, ready for use (0, the default, opens them only
     * on demand, so that an idle application holds no connection). HikariCP's {@code minimumIdle}.
     */
    public EngineOptions minimumIdle(int minimumIdle) {
        if (minimumIdle < 0) {
            throw new ConfigurationException("minimumIdle must be 0 or more, got " + minimumIdle);
        }
        EngineOptions c = copy();
        c.minimumIdle = minimumIdle;
        return c;
    }

    /**
     * How long {@code connect()} waits for a free connection (default 10 s, at least 250 ms). A
     * connection that cannot be opened at all (refused, wrong password, unknown database) fails at the
     * first attempt instead. HikariCP's {@code connectionTimeout}.
     */
    public EngineOptions connectTimeout(Duration timeout) {
        EngineOptions c = copy();
        c.connectTimeout = requireNonNegative("connectTimeout", timeout);
        return c;
    }

    /**
     * How long a connection may sit idle in the pool before it is closed (only above
     * {@link #minimumIdle}): at least 10 seconds, or zero for never. HikariCP's {@code idleTimeout}.
     */
    public EngineOptions idleTimeout(Duration timeout) {
        requireNonNegative("idleTimeout", timeout);
        if (!timeout.isZero() && timeout.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new ConfigurationException("idleTimeout must be at least 10 seconds, or zero for never; got " + timeout);
        }
        EngineOptions c = copy();
        c.idleTimeout = timeout;
        return c;
    }

    /**
     * How long a connection lives before the pool replaces it (when it is not in use): at least 30
     * seconds, or zero for forever. Keep it a little shorter than any limit the database or a
     * firewall puts on connections. HikariCP's {@code maxLifetime}.
     */
    public EngineOptions maxLifetime(Duration lifetime) {
        requireNonNegative("maxLifetime", lifetime);
        if (!lifetime.isZero() && lifetime.compareTo(Duration.ofSeconds(30)) < 0) {
            throw new ConfigurationException("maxLifetime must be at least 30 seconds, or zero for forever; got " + lifetime);
        }
        EngineOptions c = copy();
        c.maxLifetime = lifetime;
        return c;
    }

    /**
     * Logs a warning, with the stack trace of the borrowing, for every connection kept out of the pool
     * longer than {@code threshold}: a connection not closed is found by where it was taken. At least
     * 2 seconds, or zero (the default) for off. HikariCP's {@code leakDetectionThreshold}.
     */
    public EngineOptions leakDetectionThreshold(Duration threshold) {
        requireNonNegative("leakDetectionThreshold", threshold);
        if (!threshold.isZero() && threshold.compareTo(Duration.ofSeconds(2)) < 0) {
            throw new ConfigurationException("leakDetectionThreshold must be at least 2 seconds, or zero for off; got " + threshold);
        }
        EngineOptions c = copy();
        c.leakDetectionThreshold = threshold;
        return c;
    }

    /** A JDBC driver property, as if given in the URL's query string. */
    public EngineOptions driverProperty(String key, String value) {
        Map<String, String> props = new LinkedHashMap<>(driverProperties);
        props.put(key, value);
        EngineOptions c = copy();
        c.driverProperties = Collections.unmodifiableMap(props);
        return c;
    }

    /**
     * For an engine over a caller's {@link javax.sql.DataSource}: which borrowed connections are in a
     * transaction that a framework manages (Spring's {@code @Transactional}). Ashlar joins such a
     * transaction instead of beginning its own: {@code begin()} makes a savepoint, and Ashlar never
     * commits, rolls back or ends it. Default {@link ManagedTransactions#NONE}.
     */
    public EngineOptions managedTransactions(ManagedTransactions managedTransactions) {
        if (managedTransactions == null) {
            throw new ConfigurationException("managedTransactions must not be null; use ManagedTransactions.NONE");
        }
        EngineOptions c = copy();
        c.managedTransactions = managedTransactions;
        c.listeners = listeners;
        c.prePing = prePing;
        return c;
    }

    /**
     * Adds a listener told about every statement on every connection of the engine (see
     * {@link ExecutionListener}): the hook for metrics and traces. Listeners are told in the order
     * they were added, before a connection's own {@link Connection#statementListener(StatementListener)}.
     */
    public EngineOptions listener(ExecutionListener listener) {
        List<ExecutionListener> all = new ArrayList<>(listeners);
        all.add(Objects.requireNonNull(listener, "listener"));
        EngineOptions c = copy();
        c.listeners = List.copyOf(all);
        return c;
    }

    /**
     * Checks every connection with the driver's {@link java.sql.Connection#isValid(int) isValid} (a
     * round trip) as it is borrowed, and replaces it when its server side died while it sat in the
     * pool (a server restart, an idle timeout, a killed session), as SQLAlchemy's
     * {@code pool_pre_ping} does. Off by default: the pool (HikariCP) already makes this check for a
     * connection idle longer than half a second, so pre-ping only closes the gap below that, at the
     * cost of one round trip per {@code connect()}.
     */
    public EngineOptions prePing(boolean prePing) {
        EngineOptions c = copy();
        c.prePing = prePing;
        return c;
    }

    /**
     * Turns on the slow-query log: each query that takes at least {@code threshold} is logged once per
     * distinct SQL, at WARN through SLF4J logger {@code ashlar.slow}, with its EXPLAIN verdict:
     * {@code slow query (41.2 ms, threshold 20 ms): SELECT ... FROM items WHERE items.name = ? -- full scan of items}.
     * The plan is read on the same connection with the same values, once per SQL; the values are not
     * logged. Off ({@code null}) by default; {@link Duration#ZERO} logs every distinct query once.
     */
    public EngineOptions slowQueryThreshold(Duration threshold) {
        if (threshold != null) {
            requireNonNegative("slowQueryThreshold", threshold);
        }
        EngineOptions c = copy();
        c.slowQueryThreshold = threshold;
        return c;
    }

    /** The slow-query log's threshold, or {@code null} when it is off. */
    public Duration slowQueryThreshold() {
        return slowQueryThreshold;
    }

    private static Duration requireNonNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new ConfigurationException(name + " must be zero or a positive duration, got " + value);
        }
        return value;
    }

    /**
     * Whether an engine made from a URL keeps a pool (the default). Without one, each {@code connect()}
     * opens a new driver connection, set up as pooled ones are, and closing it closes it: slower per
     * connection, but nothing starts with the engine (no pool, no pool threads), which suits a short
     * program that connects once or twice, such as a command-line tool. The pool settings then do not
     * apply, except {@link #connectTimeout(Duration)}, which bounds each connect.
     */
    public EngineOptions pooled(boolean pooled) {
        EngineOptions c = copy();
        c.pooled = pooled;
        return c;
    }

    /** Whether an engine made from a URL keeps a pool. */
    public boolean isPooled() {
        return pooled;
    }

    /** Whether statements are logged. */
    public boolean isEcho() {
        return echo;
    }

    /** The most connections the pool opens. */
    public int poolSize() {
        return poolSize;
    }

    /** How many idle connections the pool keeps open. */
    public int minimumIdle() {
        return minimumIdle;
    }

    /** How long {@code connect()} waits. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How long a connection may stay idle before it is closed; zero is never. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** How long a connection lives before it is replaced; zero is forever. */
    public Duration maxLifetime() {
        return maxLifetime;
    }

    /** How long a connection may stay borrowed before a leak warning; zero is off. */
    public Duration leakDetectionThreshold() {
        return leakDetectionThreshold;
    }

    /** Extra JDBC driver properties. */
    public Map<String, String> driverProperties() {
        return driverProperties;
    }

    /** Which borrowed connections are in a transaction managed outside Ashlar. */
    public ManagedTransactions managedTransactions() {
        return managedTransactions;
    }

    /** The engine-wide listeners, in the order they are told. */
    public List<ExecutionListener> listeners() {
        return listeners;
    }

    /** Whether a connection is checked with a round trip as it is borrowed. */
    public boolean isPrePing() {
        return prePing;
    }
}
