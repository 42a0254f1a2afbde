package dev.ashlar.core.diff;

import dev.ashlar.core.types.BigIntegerType;
import dev.ashlar.core.types.DoubleType;
import dev.ashlar.core.types.FloatType;
import dev.ashlar.core.types.FractionalSeconds;
import dev.ashlar.core.types.IntegerType;
import dev.ashlar.core.types.NumericType;
import dev.ashlar.core.types.SmallIntegerType;
import dev.ashlar.core.types.SqlType;
import dev.ashlar.core.types.StringType;
import dev.ashlar.core.types.TextType;
import dev.ashlar.core.types.TimeType;

/**
 * Which type changes keep every value: longer strings, wider integers, more digits on both sides of
 * the point, more fractional-second digits on a date-time type (fewer round the stored values away).
 */
final class Widening {
    private Widening() {
    }

    static boolean isWidening(SqlType<?> from, SqlType<?> to) {
        if (from instanceof StringType a && to instanceof StringType b) {
            return b.length().isEmpty() || a.length().isPresent() && b.length().getAsInt() >= a.length().getAsInt();
        }
        if (from instanceof StringType && to instanceof TextType) {
            return true;
        }
        if (from instanceof NumericType a && to instanceof NumericType b) {
            return b.scale() >= a.scale() && b.precision() - b.scale() >= a.precision() - a.scale();
        }
        if (from instanceof FractionalSeconds a && to instanceof FractionalSeconds b && (from instanceof TimeType) == (to instanceof TimeType)) {
            // a date-time with or without time zone alike: MariaDB stores both as DATETIME(p), and sessions run in UTC
            return b.precision() >= a.precision();
        }
        int a = integerRank(from);
        int b = integerRank(to);
        if (a > 0 && b > 0) {
            return b >= a;
        }
        return from instanceof FloatType && to instanceof DoubleType;
    }

    private static int integerRank(SqlType<?> type) {
        if (type instanceof SmallIntegerType) {
            return 1;
        }
        if (type instanceof IntegerType) {
            return 2;
        }
        return type instanceof BigIntegerType ? 3 : 0;
    }
}
