package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.types.SqlType;

/**
 * A date or timestamp truncated to the start of its {@code unit} ({@code date_trunc('month', x)}),
 * of the same type as {@code expression}: a month of a timestamp is its first day at midnight.
 * Build it with {@link Sql#truncate}. Timestamps with a zone are truncated in UTC.
 */
public record DateTrunc<T>(DateUnit unit, Expression<T> expression) implements Expression<T> {
    /** Checks that {@code expression} is a date or timestamp that has {@code unit}. */
    public DateTrunc {
        DateExpressions.check(expression, "truncating to a " + unit, unit.isTimeOfDay());
    }

    @Override
    public SqlType<T> type() {
        return expression.type();
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitDateTrunc(this);
    }
}
