package dev.ashlar.core.types;

import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * A date and time without time zone (naive), held as {@link LocalDateTime}, kept to
 * {@link #precision()} fractional-second digits (microseconds by default). Values are bound rounded
 * to the precision: see {@link FractionalSeconds} for the rule.
 */
public final class DateTimeType extends SqlType<LocalDateTime> implements FractionalSeconds {
    static final DateTimeType INSTANCE = new DateTimeType(DEFAULT_PRECISION);

    private final int precision;
    private final int unit;

    DateTimeType(int precision) {
        super(LocalDateTime.class);
        this.precision = precision;
        this.unit = Fractions.unit(precision);
    }

    @Override
    public int precision() {
        return precision;
    }

    /** {@code value} as a column of this type holds it: rounded half up to the precision (see {@link FractionalSeconds}). */
    public LocalDateTime round(LocalDateTime value) {
        int rest = Fractions.rest(value.getNano(), unit);
        if (rest == 0) {
            return value;
        }
        LocalDateTime down = value.withNano(value.getNano() - rest);
        if (!Fractions.roundsUp(rest, unit)) {
            return down;
        }
        try {
            return down.plusNanos(unit);
        } catch (DateTimeException e) {
            return value; // past LocalDateTime.MAX: left to the database (PostgreSQL's infinity)
        }
    }

    @Override
    public String describe() {
        return Fractions.describe("DateTime", precision);
    }
}
