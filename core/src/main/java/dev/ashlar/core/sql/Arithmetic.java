package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.types.SqlType;

/** {@code left op right} for {@code + - * /} and string concatenation {@code ||}, with its result type. */
public record Arithmetic<T>(Operator operator, Expression<?> left, Expression<?> right, SqlType<T> type) implements Expression<T> {
    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitArithmetic(this);
    }
}
