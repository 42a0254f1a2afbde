package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.types.SqlType;
import dev.ashlar.core.types.Types;

/**
 * A part of a date or timestamp as an integer ({@code EXTRACT(MONTH FROM x)}), the same value on
 * every database; build it with {@link Sql#extract} or {@link Sql#month} and the like. Timestamps
 * with a zone are read in UTC.
 */
public record Extract(DatePart part, Expression<?> expression) implements Expression<Integer> {
    /** Checks that {@code expression} is a date or timestamp that has {@code part}. */
    public Extract {
        DateExpressions.check(expression, "extracting " + part, part.isTimeOfDay());
    }

    @Override
    public SqlType<Integer> type() {
        return Types.integer();
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitExtract(this);
    }
}
