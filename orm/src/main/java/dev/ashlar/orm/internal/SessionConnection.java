package dev.ashlar.orm.internal;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * The one pooled connection a session holds, in a transaction begun on first use and ended by
 * commit, rollback or close, and the log of the statements sent on it (which tests count).
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

    /** The connection, in its transaction (begun now if needed). */
    public Connection get() {
        if (connection == null) {
            connection = engine.connect();
            connection.statementListener((sql, batch) -> {
                statementCount++;
                statementLog.add(batch > 1 ? sql + "  -- batch of " + batch : sql);
            });
            transaction = connection.begin();
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
        if (transaction != null) {
            try {
                transaction.commit();
            } finally {
                release();
            }
        }
    }

    /** Rolls the open transaction back, if any, and returns the connection to the pool. */
    public void rollback() {
        if (transaction != null) {
            try {
                transaction.rollback();
            } finally {
                release();
            }
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
