package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;

/** {@code left AND right} or {@code left OR right}. */
public record Logical(Operator operator, Condition left, Condition right) implements Condition {
    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitLogical(this);
    }
}
