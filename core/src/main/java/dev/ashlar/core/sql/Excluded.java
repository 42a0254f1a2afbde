package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.types.SqlType;

/**
 * In an upsert's update, the value the insert proposed for a column: {@code EXCLUDED.col} on
 * PostgreSQL and SQLite, {@code VALUES(col)} on MariaDB.
 */
public record Excluded<T>(Column<T> column) implements Expression<T> {
    @Override
    public SqlType<T> type() {
        return column.type();
    }

    @Override
    public String label() {
        return column.name();
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitExcluded(this);
    }
}
