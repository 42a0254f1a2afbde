package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;

/** {@code expression BETWEEN low AND high}, both ends included. */
public record Between(Expression<?> expression, Expression<?> low, Expression<?> high) implements Condition {
    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitBetween(this);
    }
}
