package dev.ashlar.core.sql;

import dev.ashlar.core.schema.Column;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The upsert clause of an {@link Insert}: what happens when a row would violate a unique key.
 * Compiled to {@code ON CONFLICT (target) DO NOTHING | DO UPDATE SET ...} on PostgreSQL and SQLite
 * and to {@code ON DUPLICATE KEY UPDATE ...} on MariaDB.
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
    private final Map<Column<?>, Expression<?>> updates = new LinkedHashMap<>();
    private boolean doNothing = true;

    OnConflict(Insert insert, List<Column<?>> target) {
        this.insert = insert;
        this.target = List.copyOf(target);
    }

    OnConflict copyFor(Insert other) {
        OnConflict copy = new OnConflict(other, target);
        copy.updates.putAll(updates);
        copy.doNothing = doNothing;
        return copy;
    }

    /** Keeps the existing row and skips the new one. */
    public Insert doNothing() {
        doNothing = true;
        updates.clear();
        return insert;
    }

    /** Updates the existing row's {@code columns} to the values the insert proposed ({@link Sql#excluded}). */
    public Insert doUpdate(Column<?>... columns) {
        if (columns.length == 0 && updates.isEmpty()) {
            throw new IllegalArgumentException("doUpdate() needs columns to update: doUpdate(price) or set(price, ...).doUpdate()");
        }
        for (Column<?> column : columns) {
            updates.put(column, excludedOf(column));
        }
        doNothing = false;
        return insert;
    }

    /** Adds an assignment for the update of the existing row; finish with {@link #doUpdate(Column[])}. */
    public <T> OnConflict set(Column<T> column, Expression<T> value) {
        check(column);
        updates.put(column, value);
        return this;
    }

    /** Adds an assignment of a value for the update of the existing row. */
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
        return Collections.unmodifiableMap(updates);
    }
}
