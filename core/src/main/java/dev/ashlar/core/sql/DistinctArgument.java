package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;

/** The {@code DISTINCT x} argument of an aggregate such as {@code count(DISTINCT x)}. */
public record DistinctArgument(Expression<?> expression) implements SqlNode {
    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitDistinctArgument(this);
    }
}
