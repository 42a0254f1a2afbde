package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.error.UsageException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code INSERT} of one row, of many rows, or of the rows of a {@code SELECT}. Columns with a
 * client-side default that are not set get their default, evaluated once per row when the statement
 * is built for execution; see {@link #rowsWithDefaults()}.
 *
 * <pre>{@code
 * insertInto(items).set(name, "Widget").set(price, ten);                    // one row
 * insertInto(items).set(name, "A").nextRow().set(name, "B");                // two rows
 * insertInto(items).values(List.of(Map.of(name, "A"), Map.of(name, "B")));  // two rows from maps
 * insertInto(archive).columns(archive.name).select(select(items.name).from(items));
 * insertInto(items).set(sku, "A1").set(price, ten).onConflict(sku).doUpdate(price);
 * }</pre>
 */
public final class Insert implements Statement {
    private final Table table;
    /** The rows before the current one. */
    private final AppendList<Map<Column<?>, Expression<?>>> finished;
    /** The row that {@code set} fills. */
    private final Assignments current;
    private final List<Column<?>> returning;
    private final List<Column<?>> selectColumns;
    private final Select select;
    private final OnConflict onConflict;

    Insert(Table table) {
        this(table, AppendList.of(), Assignments.of(), List.of(), List.of(), null, null);
    }

    private Insert(Table table, AppendList<Map<Column<?>, Expression<?>>> finished, Assignments current,
            List<Column<?>> returning, List<Column<?>> selectColumns, Select select, OnConflict onConflict) {
        this.table = table;
        this.finished = finished;
        this.current = current;
        this.returning = returning;
        this.selectColumns = selectColumns;
        this.select = select;
        this.onConflict = onConflict;
    }

    /** This insert with a column of the current row set to a value, bound as a parameter of the column's type. */
    public <T> Insert set(Column<T> column, T value) {
        return set(column, Param.of(value, column.type()));
    }

    /** This insert with a column of the current row set to an expression. */
    public <T> Insert set(Column<T> column, Expression<T> value) {
        checkColumn(column);
        return new Insert(table, finished, current.with(column, value), returning, selectColumns, select, onConflict);
    }

    /** This insert with the current row ended and another started; the following {@code set} calls fill the new row. */
    public Insert nextRow() {
        return new Insert(table, finished.plus(current), Assignments.of(), returning, selectColumns, select, onConflict);
    }

    /**
     * This insert with a row added from a map of column to value. Each value must be of its column's
     * Java type (or an {@link Expression} of it); it is bound as a parameter of the column's type.
     */
    public Insert values(Map<? extends Column<?>, ?> row) {
        Assignments values = Assignments.of();
        for (Map.Entry<? extends Column<?>, ?> e : row.entrySet()) {
            checkColumn(e.getKey());
            values = values.withNew(e.getKey(), toExpression(e.getKey(), e.getValue()));
        }
        // An empty current row (a new insert, or after nextRow) is the one the map fills.
        AppendList<Map<Column<?>, Expression<?>>> before = current.isEmpty() ? finished : finished.plus(current);
        return new Insert(table, before, values, returning, selectColumns, select, onConflict);
    }

    /** This insert with each map added as a row; see {@link #values(Map)}. */
    public Insert values(List<? extends Map<? extends Column<?>, ?>> rows) {
        Insert result = this;
        for (Map<? extends Column<?>, ?> row : rows) {
            result = result.values(row);
        }
        return result;
    }

    /** This insert naming the columns an {@code INSERT ... SELECT} fills, in the order of the select list. */
    public Insert columns(Column<?>... columns) {
        for (Column<?> column : columns) {
            checkColumn(column);
        }
        List<Column<?>> all = new ArrayList<>(selectColumns);
        all.addAll(List.of(columns));
        return new Insert(table, finished, current, returning, List.copyOf(all), select, onConflict);
    }

    /**
     * This insert taking the rows of a query ({@code INSERT INTO t (columns) SELECT ...}). Client-side
     * defaults cannot apply here, since the rows never pass through the client.
     */
    public Insert select(Select select) {
        if (selectColumns.isEmpty()) {
            throw new UsageException("name the columns the SELECT fills first: insertInto(" + table.name() + ").columns(...).select(...)");
        }
        if (select.columns().size() != selectColumns.size()) {
            throw new UsageException("INSERT INTO " + table.name() + " names " + selectColumns.size()
                    + " columns but the SELECT has " + select.columns().size()
                    + "; name one column per selected expression");
        }
        return new Insert(table, finished, current, returning, selectColumns, select, onConflict);
    }

    /**
     * What to do when a row would violate the unique constraint or primary key on {@code target}:
     * finish with {@link OnConflict#doNothing()} or {@link OnConflict#doUpdate(Column[])}, which
     * return the insert with the clause.
     * MariaDB has no conflict target: its upsert reacts to any unique key.
     */
    public OnConflict onConflict(Column<?>... target) {
        for (Column<?> column : target) {
            checkColumn(column);
        }
        return new OnConflict(this, List.of(target));
    }

    Insert withOnConflict(OnConflict clause) {
        return new Insert(table, finished, current, returning, selectColumns, select, clause);
    }

    /** This insert asking for these columns of the inserted rows back (RETURNING, or generated keys where that is missing). */
    public Insert returning(Column<?>... columns) {
        for (Column<?> column : columns) {
            checkColumn(column);
        }
        List<Column<?>> all = new ArrayList<>(returning);
        all.addAll(List.of(columns));
        return new Insert(table, finished, current, List.copyOf(all), selectColumns, select, onConflict);
    }

    /** The table inserted into. */
    public Table table() {
        return table;
    }

    /** The values set explicitly for the first row, in the order they were set. */
    public Map<Column<?>, Expression<?>> values() {
        return finished.isEmpty() ? current : finished.get(0);
    }

    /** The number of rows given (0 for an {@code INSERT ... SELECT}). */
    public int rowCount() {
        return select != null ? 0 : finished.size() + 1;
    }

    /** The first row's values plus each unset column's client-side default, evaluated now. */
    public Map<Column<?>, Expression<?>> valuesWithDefaults() {
        return withDefaults(values());
    }

    /** Every row's values plus each unset column's client-side default, evaluated now, once per row. */
    public List<Map<Column<?>, Expression<?>>> rowsWithDefaults() {
        List<Map<Column<?>, Expression<?>>> all = new ArrayList<>(finished.size() + 1);
        for (Map<Column<?>, Expression<?>> row : finished) {
            all.add(withDefaults(row));
        }
        all.add(withDefaults(current));
        return all;
    }

    /**
     * A copy of this insert (table, conflict handling, returning) for other rows, whose values are
     * used as they are: the engine uses it to split a many-row insert into batches after evaluating
     * each row's defaults once.
     */
    public Insert withRows(List<Map<Column<?>, Expression<?>>> rows) {
        if (select != null) {
            throw new UsageException("an INSERT ... SELECT has no rows to replace");
        }
        if (rows.isEmpty()) {
            throw new UsageException("an INSERT needs at least one row; add one with values(...)");
        }
        int last = rows.size() - 1;
        return new Insert(table, AppendList.copyOf(rows.subList(0, last)), Assignments.copyOf(rows.get(last)), returning,
                selectColumns, null, onConflict);
    }

    private Map<Column<?>, Expression<?>> withDefaults(Map<Column<?>, Expression<?>> row) {
        if (inTableOrderWithDefaults(row)) {
            return row; // nothing to add or reorder: no copy per row of a many-row insert
        }
        Map<Column<?>, Expression<?>> all = new LinkedHashMap<>();
        for (Column<?> column : table.columns()) {
            Expression<?> value = row.get(column);
            if (value == null && !row.containsKey(column) && column.clientDefault() != null) {
                value = defaultParam(column);
            }
            if (value != null) {
                all.put(column, value);
            }
        }
        return all;
    }

    /** Whether the row lists its columns in the table's order and sets every column that has a client default. */
    private boolean inTableOrderWithDefaults(Map<Column<?>, Expression<?>> row) {
        Iterator<Column<?>> set = row.keySet().iterator();
        Column<?> next = set.hasNext() ? set.next() : null;
        for (Column<?> column : table.columns()) {
            if (column == next) {
                next = set.hasNext() ? set.next() : null;
            } else if (column.clientDefault() != null) {
                return false;
            }
        }
        return next == null;
    }

    private static <T> Param<T> defaultParam(Column<T> column) {
        return Param.of(column.clientDefault().get(), column.type());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Expression<?> toExpression(Column<?> column, Object value) {
        if (value instanceof Expression<?> e) {
            return e;
        }
        Class<?> javaType = column.type().javaType();
        if (value != null && !javaType.isInstance(value)) {
            throw new UsageException("column " + column.describe() + " takes " + javaType.getSimpleName()
                    + " values, not " + value.getClass().getSimpleName() + " (" + value + ")");
        }
        return Param.of(value, (dev.ashlar.core.types.SqlType) column.type());
    }

    private void checkColumn(Column<?> column) {
        table.requireOwnColumns(column);
    }

    /** The columns asked back with RETURNING. */
    public List<Column<?>> returning() {
        return returning;
    }

    /** The columns an {@code INSERT ... SELECT} fills. */
    public List<Column<?>> selectColumns() {
        return selectColumns;
    }

    /** The query whose rows are inserted, or {@code null}. */
    public Select select() {
        return select;
    }

    /** The conflict handling, or {@code null}. */
    public OnConflict onConflict() {
        return onConflict;
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitInsert(this);
    }
}
