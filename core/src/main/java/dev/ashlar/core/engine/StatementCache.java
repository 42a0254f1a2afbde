package dev.ashlar.core.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prepared statements kept open on one physical connection and reused by SQL text, so that a
 * statement shape run again (a lookup by key, one UPDATE per flush, the next batch of inserts)
 * skips the driver's prepare: SQLite compiles the SQL again on every {@code prepareStatement}, and
 * every driver builds its statement objects afresh. The cache belongs to the pooled connection, not
 * to one {@link Connection}, so a short unit of work (an ORM session per request) reuses what the
 * previous borrower prepared. Used only where the dialect leaves caching to Ashlar
 * ({@link dev.ashlar.core.dialect.StatementCaching#ASHLAR}, SQLite): elsewhere the driver's own cache
 * does as well, measured in {@code bench/NOTES.md}, and statements stay on the pool's proxy.
 *
 * <p>Statements are prepared on the driver's own connection under the pool's proxy, since the pool
 * closes the statements of its proxies when they go back to it. A statement is taken out while in
 * use and given back afterwards, so two open results of the same SQL never share one. Used by one
 * thread at a time, as the pool lends the connection to one borrower at a time.
 */
final class StatementCache {
    /** Statements kept per connection; the least recently used one is closed beyond this. */
    static final int CAPACITY = 64;

    // No field holds the physical connection: the engine maps connections to caches weakly, and a
    // strong reference from the value to its key would keep both alive after the pool drops them.
    private final Map<String, PreparedStatement> idle = new LinkedHashMap<>(16, 0.75f, true);

    /** The cache key of a statement: its SQL, and the fetch size for queries read through a cursor. */
    static String key(String sql, int fetchSize) {
        return fetchSize > 0 ? fetchSize + "\u0000" + sql : sql;
    }

    /** A statement for {@code sql}: an idle one prepared earlier, or a new one. Give it back with {@link #give}. */
    PreparedStatement take(java.sql.Connection physical, String key, String sql, int fetchSize) throws SQLException {
        PreparedStatement ps = idle.remove(key);
        if (ps != null && !ps.isClosed()) {
            return ps;
        }
        ps = physical.prepareStatement(sql);
        if (fetchSize > 0) {
            ps.setFetchSize(fetchSize);
        }
        return ps;
    }

    /**
     * Returns a statement after use, its result set closed. Parameters are cleared so that no bound
     * value stays reachable; a statement of the same key already idle, or the least recently used
     * one beyond {@link #CAPACITY}, is closed.
     */
    void give(String key, PreparedStatement ps) {
        try {
            ps.clearParameters();
        } catch (SQLException e) {
            discard(ps);
            return;
        }
        PreparedStatement previous = idle.put(key, ps);
        if (previous != null && previous != ps) {
            discard(previous);
        }
        if (idle.size() > CAPACITY) {
            Iterator<PreparedStatement> eldest = idle.values().iterator();
            PreparedStatement old = eldest.next();
            eldest.remove();
            discard(old);
        }
    }

    /** How many statements are idle in the cache (for tests). */
    int size() {
        return idle.size();
    }

    /** Closes a statement that failed or is not wanted any more. */
    static void discard(PreparedStatement ps) {
        if (ps != null) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // the statement is dropped either way; its connection reports real failures on the next use
            }
        }
    }
}
