package dev.ashlar.core.dialect;

/**
 * Who keeps prepared statements for reuse on a database, as its dialect declares
 * ({@link Dialect#statementCaching()}). The choice is measured per database, not assumed: see the
 * {@code StatementCaching} probe and its figures in {@code bench/NOTES.md}.
 */
public enum StatementCaching {
    /**
     * The driver: Ashlar prepares each statement on the pool's connection and closes it after use,
     * and the driver reuses what it prepared before for the same SQL on that connection (pgjdbc keeps
     * server-side statements per connection). Every statement runs through the pool's proxy, so the
     * pool sees each failure and takes a broken connection out by itself.
     */
    DRIVER,
    /**
     * Ashlar: statements stay open on the driver's connection under the pool's proxy and are reused,
     * by SQL text, across borrowings of that connection. For a driver that keeps nothing itself and
     * compiles the SQL on every prepare (SQLite, which runs in the process and has no connection that
     * can break the way a network session can).
     */
    ASHLAR
}
