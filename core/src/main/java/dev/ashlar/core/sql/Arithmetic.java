package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.types.SqlType;

/** {@code left + right} or {@code left * right}, typed like its left operand. */
public record Arithmetic<T>(Expression<T> left, String operator, Expression<T> right) implements Expression<T> {
    @Override
    public SqlType<T> type() {
        return left.type();
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitArithmetic(this);
    }
}
