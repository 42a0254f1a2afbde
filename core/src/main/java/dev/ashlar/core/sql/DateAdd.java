package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.types.SqlType;

/**
 * A date or timestamp moved by {@code amount} {@code unit}s (negative moves back), of the same type
 * as {@code expression}. The amount is an {@code int}, written into the SQL as a number, so that
 * the same expression in a select list and in GROUP BY is the same to every database. Adding
 * months or years to a day the target month lacks gives that month's last day on every database
 * (January 31 plus one month is February 28 or 29). Build it with {@link Sql#plus} or {@link Sql#minus}.
 */
public record DateAdd<T>(Expression<T> expression, int amount, DateUnit unit) implements Expression<T> {
    /** Checks that {@code expression} is a date or timestamp that can count {@code unit}. */
    public DateAdd {
        DateExpressions.check(expression, "adding " + unit + "s", unit.isTimeOfDay());
    }

    @Override
    public SqlType<T> type() {
        return expression.type();
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitDateAdd(this);
    }
}
