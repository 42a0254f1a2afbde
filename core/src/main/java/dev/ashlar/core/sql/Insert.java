package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.error.UsageException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** Everything but the rows: a {@code set} call shares it, so each of the many calls costs a small object. */
    private final Clauses clauses;
    /** The rows before the current one. */
    private final AppendList<Map<Column<?>, Expression<?>>> finished;
    /** The row that {@code set} fills, as its settings newest first; {@code null} while it has none. */
    private final Setting current;

    /** The table, and the clauses that are not rows. */
    private record Clauses(Table table, List<Column<?>> returning, List<Column<?>> selectColumns, Select select,
            OnConflict onConflict) {
    }

    Insert(Table table) {
        this(new Clauses(table, List.of(), List.of(), null, null), AppendList.of(), null);
    }

    private Insert(Clauses clauses, AppendList<Map<Column<?>, Expression<?>>> finished, Setting current) {
        this.clauses = clauses;
        this.finished = finished;
        this.current = current;
    }

    /** This insert with a column of the current row set to a value, bound as a parameter of the column's type. */
    public <T> Insert set(Column<T> column, T value) {
        return set(column, Param.of(value, column.type()));
    }

    /** This insert with a column of the current row set to an expression. */
    public <T> Insert set(Column<T> column, Expression<T> value) {
        checkColumn(column);
        return new Insert(clauses, finished, Setting.with(current, column, value));
    }

    /** This insert with the current row ended and another started; the following {@code set} calls fill the new row. */
    public Insert nextRow() {
        return new Insert(clauses, finished.plus(Setting.row(current)), null);
    }

    /**
     * This insert with a row added from a map of column to value. Each value must be of its column's
     * Java type (or an {@link Expression} of it); it is bound as a parameter of the column's type.
     */
    public Insert values(Map<? extends Column<?>, ?> row) {
        Setting values = null;
        for (Map.Entry<? extends Column<?>, ?> e : row.entrySet()) {
            checkColumn(e.getKey());
            values = new Setting(e.getKey(), toExpression(e.getKey(), e.getValue()), values); // a map's keys differ
        }
        // An empty current row (a new insert, or after nextRow) is the one the map fills.
        AppendList<Map<Column<?>, Expression<?>>> before = current == null ? finished : finished.plus(Setting.row(current));
        return new Insert(clauses, before, values);
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
        List<Column<?>> all = new ArrayList<>(clauses.selectColumns());
        all.addAll(List.of(columns));
        Clauses c = clauses;
        return new Insert(new Clauses(c.table(), c.returning(), List.copyOf(all), c.select(), c.onConflict()), finished, current);
    }

    /**
     * This insert taking the rows of a query ({@code INSERT INTO t (columns) SELECT ...}). Client-side
     * defaults cannot apply here, since the rows never pass through the client.
     */
    public Insert select(Select select) {
        List<Column<?>> selectColumns = clauses.selectColumns();
        Table table = clauses.table();
        if (selectColumns.isEmpty()) {
            throw new UsageException("name the columns the SELECT fills first: insertInto(" + table.name() + ").columns(...).select(...)");
        }
        if (select.columns().size() != selectColumns.size()) {
            throw new UsageException("INSERT INTO " + table.name() + " names " + selectColumns.size()
                    + " columns but the SELECT has " + select.columns().size()
                    + "; name one column per selected expression");
        }
        Clauses c = clauses;
        return new Insert(new Clauses(table, c.returning(), selectColumns, select, c.onConflict()), finished, current);
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
        Clauses c = clauses;
        return new Insert(new Clauses(c.table(), c.returning(), c.selectColumns(), c.select(), clause), finished, current);
    }

    /** This insert asking for these columns of the inserted rows back (RETURNING, or generated keys where that is missing). */
    public Insert returning(Column<?>... columns) {
        for (Column<?> column : columns) {
            checkColumn(column);
        }
        List<Column<?>> all = new ArrayList<>(clauses.returning());
        all.addAll(List.of(columns));
        Clauses c = clauses;
        return new Insert(new Clauses(c.table(), List.copyOf(all), c.selectColumns(), c.select(), c.onConflict()), finished, current);
    }

    /** The table inserted into. */
    public Table table() {
        return clauses.table();
    }

    /** The values set explicitly for the first row, in the order they were set. */
    public Map<Column<?>, Expression<?>> values() {
        return finished.isEmpty() ? Setting.row(current) : finished.get(0);
    }

    /** The number of rows given (0 for an {@code INSERT ... SELECT}). */
    public int rowCount() {
        return clauses.select() != null ? 0 : finished.size() + 1;
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
        all.add(withDefaults(Setting.row(current)));
        return all;
    }

    /**
     * A copy of this insert (table, conflict handling, returning) for other rows, whose values are
     * used as they are: the engine uses it to split a many-row insert into batches after evaluating
     * each row's defaults once.
     */
    public Insert withRows(List<Map<Column<?>, Expression<?>>> rows) {
        if (clauses.select() != null) {
            throw new UsageException("an INSERT ... SELECT has no rows to replace");
        }
        if (rows.isEmpty()) {
            throw new UsageException("an INSERT needs at least one row; add one with values(...)");
        }
        int last = rows.size() - 1;
        return new Insert(clauses, AppendList.copyOf(rows.subList(0, last)), Setting.chain(rows.get(last).entrySet()));
    }

    private Map<Column<?>, Expression<?>> withDefaults(Map<Column<?>, Expression<?>> row) {
        if (inTableOrderWithDefaults(row)) {
            return row; // nothing to add or reorder: no copy per row of a many-row insert
        }
        Map<Column<?>, Expression<?>> all = new LinkedHashMap<>();
        for (Column<?> column : clauses.table().columns()) {
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
        for (Column<?> column : clauses.table().columns()) {
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
        clauses.table().requireOwnColumns(column);
    }

    /** The columns asked back with RETURNING. */
    public List<Column<?>> returning() {
        return clauses.returning();
    }

    /** The columns an {@code INSERT ... SELECT} fills. */
    public List<Column<?>> selectColumns() {
        return clauses.selectColumns();
    }

    /** The query whose rows are inserted, or {@code null}. */
    public Select select() {
        return clauses.select();
    }

    /** The conflict handling, or {@code null}. */
    public OnConflict onConflict() {
        return clauses.onConflict();
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitInsert(this);
    }

    /**
     * One column set in the row that {@code set} fills, linked to the settings made before it. A {@code set} call
     * adds one of these and shares the rest, so the hundreds of thousands of calls that build a large insert copy
     * nothing and claim nothing atomically (the {@link AppendList} of finished rows claims once per row). A row's
     * settings become its {@link Assignments} once, when the row ends or is read.
     */
    private static final class Setting extends AbstractMap.SimpleImmutableEntry<Column<?>, Expression<?>> {
        private final Setting previous;
        private final int size;

        Setting(Column<?> column, Expression<?> value, Setting previous) {
            super(column, value);
            this.previous = previous;
            this.size = previous == null ? 1 : previous.size + 1;
        }

        /** The settings {@code chain} with {@code column} set to {@code value}; a column set before keeps its place. */
        static Setting with(Setting chain, Column<?> column, Expression<?> value) {
            for (Setting s = chain; s != null; s = s.previous) {
                if (s.getKey() == column) {
                    Map.Entry<Column<?>, Expression<?>>[] inOrder = inOrder(chain);
                    inOrder[s.size - 1] = new AbstractMap.SimpleImmutableEntry<>(column, value);
                    return chain(Arrays.asList(inOrder));
                }
            }
            return new Setting(column, value, chain);
        }

        /** The row that the settings {@code chain} make, in the order the columns were first set. */
        static Map<Column<?>, Expression<?>> row(Setting chain) {
            return chain == null ? Assignments.of() : Assignments.owning(inOrder(chain));
        }

        /** The settings of {@code entries} (a row's, whose columns differ), in their order. */
        static Setting chain(Iterable<Map.Entry<Column<?>, Expression<?>>> entries) {
            Setting chain = null;
            for (Map.Entry<Column<?>, Expression<?>> e : entries) {
                chain = new Setting(e.getKey(), e.getValue(), chain);
            }
            return chain;
        }

        @SuppressWarnings("unchecked")
        private static Map.Entry<Column<?>, Expression<?>>[] inOrder(Setting chain) {
            Map.Entry<Column<?>, Expression<?>>[] entries = new Map.Entry[chain.size];
            for (Setting s = chain; s != null; s = s.previous) {
                entries[s.size - 1] = s;
            }
            return entries;
        }
    }
}
