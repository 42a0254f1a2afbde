package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;

/** {@code expression IN (SELECT ...)}. */
public record InSubquery(Expression<?> expression, Query query) implements Condition {
    public InSubquery {
        if (query.columns().size() != 1) {
            throw new dev.ashlar.core.error.AshlarException("IN (subquery) needs a subquery of one column, this one selects " + query.columns().size());
        }
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitInSubquery(this);
    }
}
