package dev.ashlar.orm.internal;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * The one pooled connection a session holds and the log of the statements sent on it (which tests
 * count). The connection is borrowed at the first statement; the transaction begins only at the
 * first write (a flush, a record write, or {@link #get()} for statements of the caller's own), and
 * commit, rollback or close end it and give the connection back.
 *
 * <p>Reads before the first write run in autocommit, as Hibernate's session reads: a session that
 * only reads (the common case of a lookup) then costs no BEGIN and no ROLLBACK, which on PostgreSQL is
 * a round trip per session and on SQLite two statements. The identity map is unaffected: an object
 * read once is the same object for the rest of the session, whatever the database holds meanwhile.
 * What changes is only that two reads before the first write may see different committed states of
 * the database (READ COMMITTED between statements) instead of one transaction's; once a write began
 * the transaction, later reads see it and the session's own uncommitted writes.
 */
public final class SessionConnection {
    private final Engine engine;
    private Connection connection;
    private Transaction transaction;
    private long statementCount;
    private final List<String> statementLog = new ArrayList<>();

    /** A holder that connects to {@code engine} when first used. */
    public SessionConnection(Engine engine) {
        this.engine = engine;
    }

    /** The connection, in its transaction (begun now if needed): for writes and statements of the caller's own. */
    public Connection get() {
        Connection c = forRead();
        if (transaction == null) {
            transaction = c.begin();
        }
        return c;
    }

    /** The connection for a read: in the transaction when a write began one, else in autocommit. */
    public Connection forRead() {
        if (connection == null) {
            connection = engine.connect();
            connection.statementListener((sql, batch) -> {
                statementCount++;
                statementLog.add(batch > 1 ? sql + "  -- batch of " + batch : sql);
            });
        }
        return connection;
    }

    /** How many statements were sent (a JDBC batch counts once). */
    public long statementCount() {
        return statementCount;
    }

    /** The SQL of every statement sent, in order. */
    public List<String> statements() {
        return List.copyOf(statementLog);
    }

    /** Commits the open transaction, if any, and returns the connection to the pool. */
    public void commit() {
        try {
            if (transaction != null) {
                transaction.commit();
            }
        } finally {
            release();
        }
    }

    /** Rolls the open transaction back, if any, and returns the connection to the pool. */
    public void rollback() {
        try {
            if (transaction != null) {
                transaction.rollback();
            }
        } finally {
            release();
        }
    }

    private void release() {
        transaction = null;
        Connection c = connection;
        connection = null;
        if (c != null) {
            c.statementListener(null);
            c.close();
        }
    }

    /** The engine, for messages. */
    @Override
    public String toString() {
        return engine.toString();
    }
}
