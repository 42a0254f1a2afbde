package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;

/** {@code left op right} for a comparison operator. */
public record Comparison(Expression<?> left, Operator operator, Expression<?> right) implements Condition {
    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitComparison(this);
    }
}
