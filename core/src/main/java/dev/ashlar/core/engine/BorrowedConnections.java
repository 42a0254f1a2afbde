package dev.ashlar.core.engine;

import dev.ashlar.core.dialect.Dialect;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The session setup of connections that an engine borrows from a caller's data source, which did
 * not run Ashlar's pool setup. Each driver connection is set up at a borrowing until its dialect says
 * the setup lasts; then it is remembered (weakly: the caller's pool decides its life) and later
 * borrowings of it cost one lookup.
 */
final class BorrowedConnections {
    private final Dialect dialect;
    private final Set<java.sql.Connection> prepared = Collections.newSetFromMap(new WeakHashMap<>());

    BorrowedConnections(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Sets up {@code pooled} (the data source's connection) unless its driver connection already was. */
    void prepare(java.sql.Connection pooled) throws SQLException {
        java.sql.Connection physical = physical(pooled);
        synchronized (prepared) {
            if (prepared.contains(physical)) {
                return;
            }
        }
        if (dialect.prepareBorrowedConnection(pooled)) {
            synchronized (prepared) {
                prepared.add(physical);
            }
        }
    }

    /** The driver's connection under a pool's proxy, which outlives the borrowing; the proxy itself when it hides it. */
    private static java.sql.Connection physical(java.sql.Connection pooled) throws SQLException {
        return pooled.isWrapperFor(java.sql.Connection.class) ? pooled.unwrap(java.sql.Connection.class) : pooled;
    }
}
