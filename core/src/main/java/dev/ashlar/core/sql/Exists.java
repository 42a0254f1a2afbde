package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;

/** {@code EXISTS (SELECT ...)}: true when the subquery returns a row. */
public record Exists(Query query) implements Condition {
    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitExists(this);
    }
}
