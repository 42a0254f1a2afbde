package dev.ashlar.core.engine;

/**
 * Told about every statement a {@link Connection} sends, after it ran, so that a caller can count or
 * record statements (the ORM's statement counter uses it). Transaction control (BEGIN, COMMIT,
 * SAVEPOINT) is not reported. A JDBC batch is one round trip and is reported once, with its size.
 */
@FunctionalInterface
public interface StatementListener {
    /**
     * Called after {@code sql} ran.
     *
     * @param sql       the SQL text as sent, with placeholders
     * @param batchSize how many parameter sets it ran with: 1, or the size of a batch
     */
    void executed(String sql, int batchSize);
}
