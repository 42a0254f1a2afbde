package dev.ashlar.core.engine;

/**
 * The simplest {@link ExecutionListener}: one method, told about each data statement that
 * succeeded, with its SQL and batch size (the ORM's statement counter uses it). Transaction control
 * (BEGIN, COMMIT, SAVEPOINT) and failed statements are not reported here; implement
 * {@link ExecutionListener#statementEnded} as well, or instead, to see them. A JDBC batch is one
 * round trip and is reported once, with its size. A query is reported when its result closes.
 */
@FunctionalInterface
public interface StatementListener extends ExecutionListener {
    /**
     * Called after {@code sql} ran.
     *
     * @param sql       the SQL text as sent, with placeholders
     * @param batchSize how many parameter sets it ran with: 1, or the size of a batch
     */
    void executed(String sql, int batchSize);

    /** Passes each successful data statement on to {@link #executed(String, int)}. */
    @Override
    default void statementEnded(StatementEvent event) {
        if (event.error() == null && !event.kind().isTransactionControl()) {
            executed(event.sql(), event.batchSize());
        }
    }
}
