package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.types.SqlType;

/** A function evaluated over a window: {@code row_number() OVER (...)} or {@code sum(x) OVER (...)}. */
public record WindowFunction<T>(FunctionCall<T> function, Window window) implements Expression<T> {
    @Override
    public SqlType<T> type() {
        return function.type();
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitWindowFunction(this);
    }
}
