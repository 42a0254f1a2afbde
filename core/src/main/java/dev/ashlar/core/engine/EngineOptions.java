package dev.ashlar.core.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How an engine behaves. Start from {@link #defaults()} (or {@link #echo()}) and change what you
 * need: {@code EngineOptions.defaults().echo(true).poolSize(20)}. Immutable: each setting returns a
 * changed copy.
 */
public final class EngineOptions {
    // Each setting copies the options and changes one field (see copy()), so that adding a setting
    // touches only its own lines.
    private boolean echo;
    private int poolSize = 10;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Map<String, String> driverProperties = Map.of();
    private List<ExecutionListener> listeners = List.of();
    private boolean prePing;

    private EngineOptions() {
    }

    private EngineOptions copy() {
        EngineOptions o = new EngineOptions();
        o.echo = echo;
        o.poolSize = poolSize;
        o.connectTimeout = connectTimeout;
        o.driverProperties = driverProperties;
        o.listeners = listeners;
        o.prePing = prePing;
        return o;
    }

    /** Echo off, a pool of 10, a 10-second connect timeout, no listeners, no pre-ping. */
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
        EngineOptions o = copy();
        o.echo = echo;
        return o;
    }

    /**
     * The most connections the pool opens (default 10). A {@code connect()} beyond that waits for one
     * to come back, up to the {@link #connectTimeout(Duration) connect timeout}, then fails with a
     * {@link dev.ashlar.core.error.PoolExhaustedException}. SQLite uses at most 4: it has one writer
     * at a time, and more connections only queue on its lock.
     */
    public EngineOptions poolSize(int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, got " + poolSize);
        }
        EngineOptions o = copy();
        o.poolSize = poolSize;
        return o;
    }

    /**
     * How long {@code connect()} waits for a free connection (default 10 s). A connection that cannot be
     * opened at all (refused, wrong password, unknown database) fails at the first attempt instead.
     */
    public EngineOptions connectTimeout(Duration timeout) {
        EngineOptions o = copy();
        o.connectTimeout = Objects.requireNonNull(timeout, "timeout");
        return o;
    }

    /** A JDBC driver property, as if given in the URL's query string. */
    public EngineOptions driverProperty(String key, String value) {
        Map<String, String> props = new LinkedHashMap<>(driverProperties);
        props.put(key, value);
        EngineOptions o = copy();
        o.driverProperties = Collections.unmodifiableMap(props);
        return o;
    }

    /**
     * Adds a listener told about every statement on every connection of the engine (see
     * {@link ExecutionListener}): the hook for metrics and traces. Listeners are told in the order
     * they were added, before a connection's own {@link Connection#statementListener(StatementListener)}.
     */
    public EngineOptions listener(ExecutionListener listener) {
        List<ExecutionListener> all = new ArrayList<>(listeners);
        all.add(Objects.requireNonNull(listener, "listener"));
        EngineOptions o = copy();
        o.listeners = List.copyOf(all);
        return o;
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
        EngineOptions o = copy();
        o.prePing = prePing;
        return o;
    }

    /** Whether statements are logged. */
    public boolean isEcho() {
        return echo;
    }

    /** The most connections the pool opens. */
    public int poolSize() {
        return poolSize;
    }

    /** How long {@code connect()} waits. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Extra JDBC driver properties. */
    public Map<String, String> driverProperties() {
        return driverProperties;
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
