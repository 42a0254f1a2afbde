package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.types.SqlType;

/** A one-column, at-most-one-row query used as a value, {@code (SELECT ...)}. */
public record ScalarSubquery<T>(Query query, SqlType<T> type) implements Expression<T> {
    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitScalarSubquery(this);
    }
}
