package dev.ashlar.orm.internal;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.StatementListener;
import dev.ashlar.core.engine.Transaction;
import dev.ashlar.core.error.ConnectionClosedException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one connection a session works on and the log of the statements sent on it (which tests
 * count). Either a pooled connection of the session's own, borrowed from the engine at the first
 * statement and given back when the transaction ends, or a connection the caller holds, used as it
 * is and never closed. The transaction begins only at the first write (a flush, a record write, or
 * {@link #get()} for statements of the caller's own), and commit, rollback or close end it.
 *
 * <p>Reads before the first write run in autocommit, as Hibernate's session reads: a session that
 * only reads (the common case of a lookup) then costs no BEGIN and no ROLLBACK, which on PostgreSQL is
 * a round trip per session and on SQLite two statements. The identity map is unaffected: an object
 * read once is the same object for the rest of the session, whatever the database holds meanwhile.
 * What changes is only that two reads before the first write may see different committed states of
 * the database (READ COMMITTED between statements) instead of one transaction's; once a write began
 * the transaction, later reads see it and the session's own uncommitted writes.
 *
 * <p>On the caller's connection the first write begins with {@link Connection#begin()}, which is a
 * transaction when the connection is in none and a savepoint inside the caller's transaction when
 * it is in one; commit and rollback then end just that (SQLAlchemy's "create_savepoint" mode), and
 * reads before it run in whatever state the caller left the connection.
 */
public final class SessionConnection {
    /** The engine to borrow from, or null when the connection is the caller's. */
    private final Engine engine;
    private Connection connection;
    private Transaction transaction;
    /** The caller's listener, to pass statements on to and put back at close; only on the caller's connection. */
    private StatementListener previous;
    private final StatementListener listener = this::executed;
    private long statementCount;
    /**
     * The SQL of each statement: the strings the connection sent (shared with its statement cache,
     * not copied), so the log costs a list slot per statement; made at the first statement, small,
     * as a session per lookup sends one.
     */
    private List<String> statementLog;

    private SessionConnection(Engine engine, Connection connection) {
        this.engine = engine;
        this.connection = connection;
    }

    /** A holder that borrows a connection from {@code engine} when first used and gives it back when the transaction ends. */
    public static SessionConnection pooled(Engine engine) {
        return new SessionConnection(engine, null);
    }

    /**
     * A holder over the caller's {@code connection}, which it never closes; statements sent on it
     * count from now until {@link #close()}.
     *
     * @throws ConnectionClosedException when the connection is already closed
     */
    public static SessionConnection callers(Connection connection) {
        if (connection.isClosed()) {
            throw new ConnectionClosedException("cannot open a session on a closed connection; "
                    + "open it on one from engine.connect() that is still open, or use Session.open(engine)");
        }
        SessionConnection holder = new SessionConnection(null, connection);
        holder.previous = connection.statementListener();
        connection.statementListener(holder.listener);
        return holder;
    }

    private boolean isCallers() {
        return engine == null;
    }

    /** The connection, in its transaction (begun now if needed): for writes and statements of the caller's own. */
    public Connection get() {
        Connection c = forRead();
        if (transaction == null) {
            transaction = c.begin();
        }
        return c;
    }

    /** The connection for a read: in the transaction when a write began one, else as it is (autocommit, or the caller's transaction). */
    public Connection forRead() {
        if (connection == null) {
            connection = engine.connect();
            connection.statementListener(listener);
        } else if (isCallers()) {
            checkCallersOpen();
        }
        return connection;
    }

    private void checkCallersOpen() {
        if (connection.isClosed()) {
            throw new ConnectionClosedException("the connection this session was opened on has been closed by its owner "
                    + "while the session was open; its uncommitted work was rolled back with it. Close the session");
        }
    }

    private void executed(String sql, int batch) {
        statementCount++;
        if (statementLog == null) {
            statementLog = new ArrayList<>(4);
        }
        statementLog.add(batch > 1 ? sql + "  -- batch of " + batch : sql);
        if (previous != null) {
            previous.executed(sql, batch);
        }
    }

    /** How many statements were sent (a JDBC batch counts once). */
    public long statementCount() {
        return statementCount;
    }

    /** The SQL of every statement sent, in order. */
    public List<String> statements() {
        return statementLog == null ? List.of() : List.copyOf(statementLog);
    }

    /** Whether the session's transaction (or savepoint, on the caller's transaction) is open: something was written or asked for. */
    public boolean inTransaction() {
        return transaction != null;
    }

    /** Commits the open transaction (releases the savepoint, inside the caller's transaction), if any; a pooled connection goes back. */
    public void commit() {
        end(true);
    }

    /** Rolls the open transaction (or savepoint) back, if any; a pooled connection goes back. */
    public void rollback() {
        end(false);
    }

    private void end(boolean commit) {
        if (isCallers()) {
            checkCallersOpen();
        }
        try {
            if (transaction != null) {
                if (commit) {
                    transaction.commit();
                } else {
                    transaction.rollback();
                }
            }
        } finally {
            release();
        }
    }

    /**
     * Rolls back what the session left open and lets go of the connection: a pooled one goes back to
     * the pool, the caller's stays open, with its own statement listener back. Closing a session
     * whose caller's connection was closed meanwhile is quiet: closing the connection already rolled
     * the session's work back.
     */
    public void close() {
        if (!isCallers()) {
            rollback();
            return;
        }
        try {
            if (!connection.isClosed() && transaction != null) {
                transaction.rollback();
            }
        } finally {
            transaction = null;
            if (connection.statementListener() == listener) {
                connection.statementListener(previous);
            }
        }
    }

    private void release() {
        transaction = null;
        if (isCallers()) {
            return;
        }
        Connection c = connection;
        connection = null;
        if (c != null) {
            c.statementListener(null);
            c.close();
        }
    }

    /** The engine, or the caller's connection, for messages. */
    @Override
    public String toString() {
        return isCallers() ? "caller's connection to " + connection.engine() : engine.toString();
    }
}
