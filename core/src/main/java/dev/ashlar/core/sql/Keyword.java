package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.types.SqlType;

/** A value SQL writes as a bare keyword, such as {@code CURRENT_TIMESTAMP}. */
public record Keyword<T>(String sql, SqlType<T> type) implements Expression<T> {
    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitKeyword(this);
    }
}
