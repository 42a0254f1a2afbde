package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import java.util.ArrayList;
import java.util.List;

/** A {@code DELETE}; a value, like {@link Select}: each method returns a new statement. */
public final class Delete implements Statement {
    private final Table table;
    private final Condition where;
    private final List<Column<?>> returning;

    Delete(Table table) {
        this(table, null, List.of());
    }

    private Delete(Table table, Condition where, List<Column<?>> returning) {
        this.table = table;
        this.where = where;
        this.returning = returning;
    }

    /** This delete with {@code condition} added, ANDed with any earlier one. */
    public Delete where(Condition condition) {
        return new Delete(table, where == null ? condition : where.and(condition), returning);
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
        List<Column<?>> all = new ArrayList<>(returning);
        all.addAll(List.of(columns));
        return new Delete(table, where, List.copyOf(all));
    }

    /** The columns asked for with {@link #returning(Column[])}. */
    public List<Column<?>> returning() {
        return returning;
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitDelete(this);
    }
}
