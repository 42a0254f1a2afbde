package dev.ashlar.core.dialect;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.schema.Table;

/**
 * How a database whose ALTER TABLE cannot change a table in place (SQLite) changes it anyway: by
 * creating the new table, copying the rows, dropping the old table and renaming the new one, while
 * keeping everything that hangs off the table. {@link Dialect#tableRebuild()} offers it where needed.
 *
 * <p>The calls come in this order: {@link #prepare} outside any transaction, then inside one
 * transaction {@link #rebuild} (once per table) and {@link #verify}, then {@link #restore} after the
 * transaction ends, whether it committed or not.
 */
public interface TableRebuild {
    /** Readies the connection for rebuilds; some settings (SQLite's foreign-key enforcement) change only outside a transaction. */
    void prepare(Connection connection);

    /**
     * Replaces table {@code current} with {@code target} (same name), copying the values of the
     * columns they share by name and keeping the table's indexes, triggers, the views over it, and
     * its autoincrement sequence.
     */
    void rebuild(Connection connection, Table current, Table target);

    /** Checks, before commit, that the rebuilt tables break no foreign key; throws naming the first broken reference. */
    void verify(Connection connection);

    /** Undoes {@link #prepare}. */
    void restore(Connection connection);
}
