package dev.ashlar.core.error;

import java.sql.SQLException;

/**
 * Every connection of the engine's pool stayed in use for the whole connect timeout. The database
 * may be fine: the application holds too many connections for too long (or leaks them). Not a
 * {@link ConnectionException}, so that retry logic written for a lost server can tell the two apart;
 * the remedies differ (a bigger pool, shorter units of work, closing connections in
 * try-with-resources).
 */
public class PoolExhaustedException extends OperationalException {
    private final int poolSize;

    /** A failure after waiting {@code waitedMillis} for one of {@code poolSize} connections. */
    public PoolExhaustedException(SQLException cause, int poolSize, long waitedMillis) {
        super(new SQLException("all " + poolSize + " connections of the pool were in use for " + waitedMillis
                + " ms; hold connections for shorter times (close them in try-with-resources, keep transactions short) "
                + "or raise EngineOptions.poolSize", cause.getSQLState(), cause.getErrorCode(), cause), null, null);
        this.poolSize = poolSize;
    }

    /** The pool's size when it ran out. */
    public int poolSize() {
        return poolSize;
    }
}
