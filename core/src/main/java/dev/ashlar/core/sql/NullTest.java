package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;

/** {@code expression IS NULL}, or {@code IS NOT NULL} when negated. */
public record NullTest(Expression<?> expression, boolean negated) implements Condition {
    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitNullTest(this);
    }
}
