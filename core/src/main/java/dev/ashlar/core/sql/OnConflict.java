package dev.ashlar.core.sql;

import dev.ashlar.core.error.UsageException;
import dev.ashlar.core.schema.Column;
import java.util.List;
import java.util.Map;

/**
 * The upsert clause of an {@link Insert}: what happens when a row would violate a unique key.
 * Compiled to {@code ON CONFLICT (target) DO NOTHING | DO UPDATE SET ...} on PostgreSQL and SQLite
 * and to {@code ON DUPLICATE KEY UPDATE ...} on MariaDB. Immutable: {@link #doNothing()} and
 * {@link #doUpdate(Column[])} return a new insert that carries the clause.
 *
 * <pre>{@code
 * insertInto(items).set(sku, "A1").set(price, p).onConflict(sku).doNothing();
 * insertInto(items).set(sku, "A1").set(price, p).onConflict(sku).doUpdate(price, name);  // = excluded values
 * insertInto(items).set(sku, "A1").set(hits, 1L).onConflict(sku).set(hits, hits.add(1L)).doUpdate();
 * }</pre>
 */
public final class OnConflict {
    private final Insert insert;
    private final List<Column<?>> target;
    private final Assignments updates;
    private final boolean doNothing;

    OnConflict(Insert insert, List<Column<?>> target) {
        this(insert, List.copyOf(target), Assignments.of(), true);
    }

    private OnConflict(Insert insert, List<Column<?>> target, Assignments updates, boolean doNothing) {
        this.insert = insert;
        this.target = target;
        this.updates = updates;
        this.doNothing = doNothing;
    }

    /** The insert, keeping the existing row and skipping the new one. */
    public Insert doNothing() {
        return insert.withOnConflict(new OnConflict(insert, target, Assignments.of(), true));
    }

    /** The insert, updating the existing row's {@code columns} to the values the insert proposed ({@link Sql#excluded}). */
    public Insert doUpdate(Column<?>... columns) {
        if (columns.length == 0 && updates.isEmpty()) {
            throw new UsageException("doUpdate() needs columns to update: doUpdate(price) or set(price, ...).doUpdate()");
        }
        Assignments all = updates;
        for (Column<?> column : columns) {
            all = all.with(column, excludedOf(column));
        }
        return insert.withOnConflict(new OnConflict(insert, target, all, false));
    }

    /** This clause with an assignment added for the update of the existing row; finish with {@link #doUpdate(Column[])}. */
    public <T> OnConflict set(Column<T> column, Expression<T> value) {
        check(column);
        return new OnConflict(insert, target, updates.with(column, value), doNothing);
    }

    /** This clause with an assignment of a value added for the update of the existing row. */
    public <T> OnConflict set(Column<T> column, T value) {
        return set(column, Param.of(value, column.type()));
    }

    private <T> Excluded<T> excludedOf(Column<T> column) {
        check(column);
        return new Excluded<>(column);
    }

    private void check(Column<?> column) {
        insert.table().requireOwnColumns(column);
    }

    /** The table inserted into. */
    public dev.ashlar.core.schema.Table table() {
        return insert.table();
    }

    /** The columns of the unique key whose violation triggers this clause. */
    public List<Column<?>> target() {
        return target;
    }

    /** Whether a conflicting row is skipped (rather than updated). */
    public boolean isDoNothing() {
        return doNothing;
    }

    /** The assignments applied to the existing row on conflict. */
    public Map<Column<?>, Expression<?>> updates() {
        return updates;
    }
}
