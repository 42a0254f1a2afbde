package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;

/** {@code NOT condition}. */
public record Not(Condition condition) implements Condition {
    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitNot(this);
    }
}
