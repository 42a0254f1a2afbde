package dev.ashlar.core.dialect.sqlite;

import dev.ashlar.core.dialect.SessionLock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.error.AshlarException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * SQLite has no named locks, so the lock is an operating-system lock on a file beside the database
 * ({@code items.db.<name>.lock}), which the system frees when the holding process ends, even by
 * kill -9. Threads of one process are ordered first by a semaphore per file, since the JVM refuses
 * two locks of one process on one file. An in-memory database lives in one process, so the
 * semaphore alone serves it.
 */
final class SqliteSessionLock implements SessionLock {
    private static final long RETRY_MILLIS = 50;
    private static final Map<String, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();
    /** What each connection holds, to release it; keyed by the connection object that acquired it. */
    private static final Map<Connection, Held> HELD = new ConcurrentHashMap<>();

    private record Held(Semaphore inProcess, FileChannel channel, FileLock lock) {
    }

    @Override
    public boolean acquire(Connection connection, String name, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Path file = lockFile(connection, name);
        String key = file == null ? jdbcUrl(connection) + "#" + name : file.toString();
        Semaphore inProcess = IN_PROCESS.computeIfAbsent(key, k -> new Semaphore(1));
        try {
            if (!inProcess.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                return false;
            }
            if (file == null) {
                HELD.put(connection, new Held(inProcess, null, null));
                return true;
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    HELD.put(connection, new Held(inProcess, channel, lock));
                    return true;
                }
                if (System.nanoTime() >= deadline) {
                    channel.close();
                    inProcess.release();
                    return false;
                }
                Thread.sleep(RETRY_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AshlarException("interrupted while waiting for the lock file " + file, e);
        } catch (IOException e) {
            inProcess.release();
            throw new AshlarException("cannot lock " + file + ": " + e.getMessage() + "; check that its folder is writable", e);
        }
    }

    @Override
    public void release(Connection connection, String name) {
        Held held = HELD.remove(connection);
        if (held == null) {
            return;
        }
        try {
            if (held.channel() != null) {
                held.lock().release();
                held.channel().close();
            }
        } catch (IOException e) {
            throw new AshlarException("cannot release the lock file: " + e.getMessage(), e);
        } finally {
            held.inProcess().release();
        }
    }

    private static String jdbcUrl(Connection connection) {
        try {
            return connection.jdbc().getMetaData().getURL();
        } catch (java.sql.SQLException e) {
            throw connection.dialect().translate(e, "<metadata>", java.util.List.of());
        }
    }

    /** The lock file beside the database file, or null for an in-memory database. */
    private static Path lockFile(Connection connection, String name) {
        String url = jdbcUrl(connection);
        String path = url.startsWith("jdbc:sqlite:") ? url.substring("jdbc:sqlite:".length()) : url;
        if (path.isEmpty() || path.contains("mode=memory") || path.equals(":memory:")) {
            return null;
        }
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        return Path.of(path + "." + name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".lock").toAbsolutePath();
    }
}
