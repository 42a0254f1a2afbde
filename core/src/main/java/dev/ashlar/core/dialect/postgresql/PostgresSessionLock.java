package dev.ashlar.core.dialect.postgresql;

import dev.ashlar.core.dialect.SessionLock;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Row;
import dev.ashlar.core.error.AshlarException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * PostgreSQL's session-level advisory lock, keyed by a 64-bit hash of the name. Session-level (not
 * transaction-level), so the holder can run statements outside a transaction, such as
 * {@code CREATE INDEX CONCURRENTLY}, without waiting on its own lock: an idle session holding an
 * advisory lock has no snapshot for the index build to wait for.
 */
final class PostgresSessionLock implements SessionLock {
    /** Between attempts: advisory locks have no timed wait, and lock_timeout would abort the waiting statement with an error. */
    private static final long RETRY_NANOS = 50_000_000L;

    @Override
    public boolean acquire(Connection connection, String name, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Map<String, Object> key = Map.of("key", key(name));
        while (!Boolean.TRUE.equals(connection.sql("SELECT pg_try_advisory_lock(:key)", key).one().get(0))) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            LockSupport.parkNanos(RETRY_NANOS);
        }
        return true;
    }

    @Override
    public void release(Connection connection, String name) {
        connection.sql("SELECT pg_advisory_unlock(:key)", Map.of("key", key(name))).close();
    }

    @Override
    public String holder(Connection connection, String name) {
        long key = key(name);
        // A bigint advisory key is stored as classid (high half) and objid (low half), with objsubid 1.
        Row row = connection.sql("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = :hi "
                + "AND objid = :lo AND objsubid = 1", Map.of("hi", key >>> 32, "lo", key & 0xFFFF_FFFFL)).first();
        return row == null ? null : "PostgreSQL backend pid " + row.get(0);
    }

    /** A stable 64-bit key for the name: the first eight bytes of its SHA-256. */
    static long key(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            long k = 0;
            for (int i = 0; i < 8; i++) {
                k = (k << 8) | (d[i] & 0xFF);
            }
            return k;
        } catch (NoSuchAlgorithmException e) {
            throw new AshlarException("every JDK has SHA-256, but this one lacks it", e);
        }
    }
}
