package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code INSERT} of one row. Columns with a client-side default that are not set get their
 * default when the statement is built for execution; see {@link #valuesWithDefaults()}.
 */
public final class Insert implements Statement {
    private final Table table;
    private final Map<Column<?>, Expression<?>> values = new LinkedHashMap<>();
    private final List<Column<?>> returning = new ArrayList<>();

    Insert(Table table) {
        this.table = table;
    }

    /** Sets a column to a value, bound as a parameter of the column's type. */
    public <T> Insert set(Column<T> column, T value) {
        return set(column, Param.of(value, column.type()));
    }

    /** Sets a column to an expression. */
    public <T> Insert set(Column<T> column, Expression<T> value) {
        if (column.table() != table) {
            throw new IllegalArgumentException("column " + column.describe() + " is not a column of table " + table.name());
        }
        values.put(column, value);
        return this;
    }

    /** Asks for these columns of the inserted row back (RETURNING, or generated keys where that is missing). */
    public Insert returning(Column<?>... columns) {
        returning.addAll(List.of(columns));
        return this;
    }

    public Table table() {
        return table;
    }

    /** The values set explicitly, in the order they were set. */
    public Map<Column<?>, Expression<?>> values() {
        return Collections.unmodifiableMap(values);
    }

    /** The values set, plus each unset column's client-side default, evaluated now. */
    public Map<Column<?>, Expression<?>> valuesWithDefaults() {
        Map<Column<?>, Expression<?>> all = new LinkedHashMap<>();
        for (Column<?> column : table.columns()) {
            Expression<?> value = values.get(column);
            if (value == null && column.clientDefault() != null) {
                value = defaultParam(column);
            }
            if (value != null) {
                all.put(column, value);
            }
        }
        return all;
    }

    private static <T> Param<T> defaultParam(Column<T> column) {
        return Param.of(column.clientDefault().get(), column.type());
    }

    public List<Column<?>> returning() {
        return Collections.unmodifiableList(returning);
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitInsert(this);
    }
}
