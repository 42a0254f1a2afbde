package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.types.SqlType;

/** {@code CAST(expression AS type)}, spelled with each database's type names. */
public record Cast<T>(Expression<?> expression, SqlType<T> type) implements Expression<T> {
    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitCast(this);
    }
}
