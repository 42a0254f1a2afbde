package dev.ashlar.core.engine;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an engine behaves. Start from {@link #defaults()} (or {@link #echo()}) and change what you
 * need: {@code EngineOptions.defaults().echo(true).poolSize(20)}. Immutable.
 */
public final class EngineOptions {
    private final boolean echo;
    private final int poolSize;
    private final Duration connectTimeout;
    private final Map<String, String> driverProperties;
    private final boolean pooled;

    private EngineOptions(boolean echo, int poolSize, Duration connectTimeout, Map<String, String> driverProperties,
                          boolean pooled) {
        this.echo = echo;
        this.poolSize = poolSize;
        this.connectTimeout = connectTimeout;
        this.driverProperties = Collections.unmodifiableMap(new LinkedHashMap<>(driverProperties));
        this.pooled = pooled;
    }

    /** Echo off, a pool of 10, a 10-second connect timeout. */
    public static EngineOptions defaults() {
        return new EngineOptions(false, 10, Duration.ofSeconds(10), Map.of(), true);
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
        return new EngineOptions(echo, poolSize, connectTimeout, driverProperties, pooled);
    }

    /** The most connections the pool opens (SQLite uses at most 4: one writer at a time). */
    public EngineOptions poolSize(int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, got " + poolSize);
        }
        return new EngineOptions(echo, poolSize, connectTimeout, driverProperties, pooled);
    }

    /** How long {@code connect()} waits for a connection before failing. */
    public EngineOptions connectTimeout(Duration timeout) {
        return new EngineOptions(echo, poolSize, timeout, driverProperties, pooled);
    }

    /** A JDBC driver property, as if given in the URL's query string. */
    public EngineOptions driverProperty(String key, String value) {
        Map<String, String> props = new LinkedHashMap<>(driverProperties);
        props.put(key, value);
        return new EngineOptions(echo, poolSize, connectTimeout, props, pooled);
    }

    /**
     * Whether connections come from a pool (the default). Without one, each {@code connect()} opens a
     * new connection and closing it closes it: slower per connection, but nothing starts with the
     * engine, which suits a short program that connects once or twice, such as a command-line tool.
     */
    public EngineOptions pooled(boolean pooled) {
        return new EngineOptions(echo, poolSize, connectTimeout, driverProperties, pooled);
    }

    /** Whether connections come from a pool. */
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

    /** How long {@code connect()} waits. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Extra JDBC driver properties. */
    public Map<String, String> driverProperties() {
        return driverProperties;
    }
}
