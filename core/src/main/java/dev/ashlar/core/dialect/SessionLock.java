package dev.ashlar.core.dialect;

import dev.ashlar.core.engine.Connection;
import java.time.Duration;

/**
 * A named lock that one database session holds until it releases it or the session ends, for work
 * that must run once at a time across processes (schema migrations). Because it belongs to the
 * session, a process killed while holding it frees it with its connection: nobody has to unlock by
 * hand. Each dialect says how its database spells such a lock ({@link Dialect#sessionLock()}).
 */
public interface SessionLock {
    /**
     * Takes the lock for {@code connection}'s session, waiting up to {@code wait}; false when another
     * session still holds it then. Call it outside a transaction: the lock outlives transactions.
     */
    boolean acquire(Connection connection, String name, Duration wait);

    /** Releases a lock this session holds. */
    void release(Connection connection, String name);

    /** Who holds the lock now, in words (a process or connection id), or {@code null} when nobody does or the database cannot tell. */
    default String holder(Connection connection, String name) {
        return null;
    }
}
