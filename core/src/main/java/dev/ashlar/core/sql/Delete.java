package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A {@code DELETE}. */
public final class Delete implements Statement {
    private final Table table;
    private Condition where;
    private final List<Column<?>> returning = new ArrayList<>();

    Delete(Table table) {
        this.table = table;
    }

    /** Adds a condition, ANDed with any earlier one. */
    public Delete where(Condition condition) {
        where = where == null ? condition : where.and(condition);
        return this;
    }

    /** The table deleted from. */
    public Table table() {
        return table;
    }

    /** The WHERE condition, or {@code null} for every row. */
    public Condition where() {
        return where;
    }

    /**
     * Asks for these columns of the deleted rows back with RETURNING (PostgreSQL, SQLite, MariaDB);
     * run it with {@code Connection.executeReturning}.
     */
    public Delete returning(Column<?>... columns) {
        table.requireOwnColumns(columns);
        returning.addAll(List.of(columns));
        return this;
    }

    /** The columns asked for with {@link #returning(Column[])}. */
    public List<Column<?>> returning() {
        return Collections.unmodifiableList(returning);
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitDelete(this);
    }
}
