package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.schema.Table;

/** A {@code DELETE}. */
public final class Delete implements Statement {
    private final Table table;
    private Condition where;

    Delete(Table table) {
        this.table = table;
    }

    /** Adds a condition, ANDed with any earlier one. */
    public Delete where(Condition condition) {
        where = where == null ? condition : where.and(condition);
        return this;
    }

    public Table table() {
        return table;
    }

    public Condition where() {
        return where;
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitDelete(this);
    }
}
