package dev.ashlar.core.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One statement as an {@link ExecutionListener} sees it. The same object is passed to
 * {@link ExecutionListener#statementStarted} and {@link ExecutionListener#statementEnded}; the
 * outcome ({@link #rows()}, {@link #durationNanos()}, {@link #error()}) is filled in before the
 * second call. Holds no bound values. Used by one thread at a time, like its connection.
 */
public final class StatementEvent {
    private final StatementKind kind;
    private final String sql;
    private final List<String> tables;
    private final int batchSize;
    private final boolean batch;
    private final long startNanos;
    /** The connection's own listener when the statement started: told at the end even if it was replaced meanwhile. */
    final ExecutionListener connectionListener;
    /** The engine's listeners, as they were at the start. */
    final List<ExecutionListener> engineListeners;
    private long rows = -1;
    private long durationNanos = -1;
    private RuntimeException error;
    private Map<Object, Object> attributes;
    /** Where the statement ran and its values, for the slow-query log's EXPLAIN; never exposed to listeners. */
    StatementRunner runner;
    Supplier<List<Object>> values;

    StatementEvent(StatementKind kind, String sql, List<String> tables, int batchSize, boolean batch, long startNanos,
                   ExecutionListener connectionListener, List<ExecutionListener> engineListeners) {
        this.kind = kind;
        this.sql = sql;
        this.tables = tables;
        this.batchSize = batchSize;
        this.batch = batch;
        this.startNanos = startNanos;
        this.connectionListener = connectionListener;
        this.engineListeners = engineListeners;
    }

    /** What kind of statement this is. */
    public StatementKind kind() {
        return kind;
    }

    /** The SQL text as sent to the driver, with placeholders and without values. */
    public String sql() {
        return sql;
    }

    /**
     * The tables the statement names, from its statement tree when it was built with Ashlar's DSL
     * (the FROM and JOIN tables of a query, the target of a write, in order, without repeats); empty
     * for raw SQL and transaction control, whose text Ashlar does not parse.
     */
    public List<String> tables() {
        return tables;
    }

    /** How many parameter sets the statement ran with: 1, or the rows of a batch or bulk load. */
    public int batchSize() {
        return batchSize;
    }

    /** Whether the statement went to the driver as a JDBC batch or a bulk load of many rows. */
    public boolean isBatch() {
        return batch;
    }

    /** {@link System#nanoTime()} when the statement started. */
    public long startNanos() {
        return startNanos;
    }

    /**
     * Rows read (a query) or written (any other statement) as the driver reports them; -1 before the
     * end, after a failure, and for statements without a row count (DDL, transaction control).
     */
    public long rows() {
        return rows;
    }

    /** Nanoseconds from start to end (for a query: until its result closed); -1 before the end. */
    public long durationNanos() {
        return durationNanos;
    }

    /** The failure the caller gets, or {@code null} when the statement succeeded (or has not ended yet). */
    public RuntimeException error() {
        return error;
    }

    /** Whether the statement has ended. */
    public boolean isEnded() {
        return durationNanos >= 0;
    }

    /** Keeps a value with this statement, for a listener to find again when it ends (a span, a timer sample). */
    public void attribute(Object key, Object value) {
        if (attributes == null) {
            attributes = new HashMap<>(4);
        }
        attributes.put(key, value);
    }

    /** A value kept with {@link #attribute(Object, Object)}, or {@code null}. */
    public Object attribute(Object key) {
        return attributes == null ? null : attributes.get(key);
    }

    void end(long rows, RuntimeException error) {
        this.rows = rows;
        this.error = error;
        this.durationNanos = Math.max(0, System.nanoTime() - startNanos);
    }

    @Override
    public String toString() {
        return kind + (tables.isEmpty() ? "" : " " + tables) + ": " + sql + (batch ? " [batch of " + batchSize + "]" : "")
                + (isEnded() ? " -> " + (error != null ? error.getClass().getSimpleName() : rows + " rows") : "");
    }
}
