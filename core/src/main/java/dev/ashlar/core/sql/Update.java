package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code UPDATE}. Columns with an on-update supplier that are not set get its value. A value, like
 * {@link Select}: each method returns a new statement.
 */
public final class Update implements Statement {
    private final Table table;
    private final Assignments values;
    private final Condition where;
    private final List<Column<?>> returning;

    Update(Table table) {
        this(table, Assignments.of(), null, List.of());
    }

    private Update(Table table, Assignments values, Condition where, List<Column<?>> returning) {
        this.table = table;
        this.values = values;
        this.where = where;
        this.returning = returning;
    }

    /** This update also setting a column to a value, bound as a parameter of the column's type. */
    public <T> Update set(Column<T> column, T value) {
        return set(column, Param.of(value, column.type()));
    }

    /** This update also setting a column to an expression, such as {@code price.mul(2)}. */
    public <T> Update set(Column<T> column, Expression<T> value) {
        table.requireOwnColumns(column);
        return new Update(table, values.with(column, value), where, returning);
    }

    /** This update with {@code condition} added, ANDed with any earlier one. */
    public Update where(Condition condition) {
        return new Update(table, values, where == null ? condition : where.and(condition), returning);
    }

    /** The table updated. */
    public Table table() {
        return table;
    }

    /** The assignments, in the order they were set. */
    public Map<Column<?>, Expression<?>> values() {
        return values;
    }

    /** The values set, plus each unset column's on-update value, evaluated now. */
    public Map<Column<?>, Expression<?>> valuesWithOnUpdate() {
        Map<Column<?>, Expression<?>> all = new LinkedHashMap<>(values);
        for (Column<?> column : table.columns()) {
            if (!all.containsKey(column) && column.onUpdate() != null) {
                all.put(column, onUpdateParam(column));
            }
        }
        return all;
    }

    private static <T> Param<T> onUpdateParam(Column<T> column) {
        return Param.of(column.onUpdate().get(), column.type());
    }

    /** The WHERE condition, or {@code null} for every row. */
    public Condition where() {
        return where;
    }

    /**
     * Asks for these columns of the updated rows back with RETURNING (PostgreSQL, SQLite);
     * run it with {@code Connection.executeReturning}.
     */
    public Update returning(Column<?>... columns) {
        table.requireOwnColumns(columns);
        List<Column<?>> all = new ArrayList<>(returning);
        all.addAll(List.of(columns));
        return new Update(table, values, where, List.copyOf(all));
    }

    /** The columns asked for with {@link #returning(Column[])}. */
    public List<Column<?>> returning() {
        return returning;
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitUpdate(this);
    }
}
