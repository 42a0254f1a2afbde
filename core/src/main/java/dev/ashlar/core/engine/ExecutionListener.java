package dev.ashlar.core.engine;

/**
 * Told about every statement an engine sends: queries, writes, JDBC batches, bulk loads (COPY), raw
 * SQL, DDL, EXPLAIN, and the transaction control statements (BEGIN, COMMIT, ROLLBACK, SAVEPOINT,
 * RELEASE and ROLLBACK TO SAVEPOINT, each with its own {@link StatementKind}). This is the hook for
 * metrics, traces and statement budgets.
 *
 * <p>Register one for every connection of an engine with {@link EngineOptions#listener}, or for
 * one connection with {@link Connection#statementListener(StatementListener)}. Both methods have
 * empty defaults: implement the ones you need.
 *
 * <p>Calls happen on the thread running the statement, in its order: {@link #statementStarted}
 * just before the statement goes to the driver, {@link #statementEnded} once it is done, with the
 * <em>same</em> {@link StatementEvent} object, so that per-statement state (a span, a timer
 * sample) can be kept on it with {@link StatementEvent#attribute(Object, Object)}. A query ends
 * when its {@link Result} closes (its rows are then known); every other statement ends when the
 * driver returns. A listener that throws fails the statement's caller with that exception.
 *
 * <p>Events carry the SQL with placeholders and the table names from the statement tree, never
 * bound values, so that what they feed stays free of user data and has few distinct values.
 */
public interface ExecutionListener {
    /**
     * Called before a statement is sent.
     *
     * @param event the statement; its {@link StatementEvent#rows() rows}, {@link StatementEvent#durationNanos()
     *              duration} and {@link StatementEvent#error() error} are not known yet
     */
    default void statementStarted(StatementEvent event) {
    }

    /**
     * Called after a statement ran or failed.
     *
     * @param event the object given to {@link #statementStarted}, now with its row count, duration and
     *              error (a failure is already translated into Ashlar's typed exception, which the caller
     *              gets next)
     */
    default void statementEnded(StatementEvent event) {
    }
}
