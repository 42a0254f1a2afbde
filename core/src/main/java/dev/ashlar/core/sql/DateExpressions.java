package dev.ashlar.core.sql;

import dev.ashlar.core.error.UsageException;
import dev.ashlar.core.types.DateTimeType;
import dev.ashlar.core.types.DateTimeTzType;
import dev.ashlar.core.types.DateType;
import dev.ashlar.core.types.SqlType;

/** Checks shared by the date and time expressions, made when they are built. */
final class DateExpressions {
    private DateExpressions() {
    }

    /** Whether {@code type} is a date without a time of day. */
    static boolean isDate(SqlType<?> type) {
        return type instanceof DateType;
    }

    /** Refuses an expression that is neither a date nor a timestamp, or a time-of-day unit on a date. */
    static void check(Expression<?> expression, String what, boolean timeOfDay) {
        SqlType<?> type = expression.type();
        if (!(type instanceof DateType || type instanceof DateTimeType || type instanceof DateTimeTzType)) {
            throw new UsageException(what + " needs a date(), dateTime() or dateTimeTz() expression, but got one of type "
                    + type.describe());
        }
        if (timeOfDay && type instanceof DateType) {
            throw new UsageException(what + " reads a time of day, which a date() has not; use it on a dateTime() expression,"
                    + " or cast the date to one");
        }
    }
}
