package dev.ashlar.core.types;

import java.time.DateTimeException;
import java.time.OffsetDateTime;

/**
 * An instant in time, held as {@link OffsetDateTime}, kept to {@link #precision()} fractional-second
 * digits (microseconds by default). Values are stored as UTC and read back with offset
 * {@code +00:00}: the instant is kept, the writer's offset is not (as PostgreSQL's
 * {@code timestamptz} does). Values are bound rounded to the precision: see
 * {@link FractionalSeconds} for the rule.
 */
public final class DateTimeTzType extends SqlType<OffsetDateTime> implements FractionalSeconds {
    static final DateTimeTzType INSTANCE = new DateTimeTzType(DEFAULT_PRECISION);

    private final int precision;
    private final int unit;

    DateTimeTzType(int precision) {
        super(OffsetDateTime.class);
        this.precision = precision;
        this.unit = Fractions.unit(precision);
    }

    @Override
    public int precision() {
        return precision;
    }

    /** {@code value} as a column of this type holds it: rounded half up to the precision (see {@link FractionalSeconds}). */
    public OffsetDateTime round(OffsetDateTime value) {
        int rest = Fractions.rest(value.getNano(), unit);
        if (rest == 0) {
            return value;
        }
        OffsetDateTime down = value.withNano(value.getNano() - rest);
        if (!Fractions.roundsUp(rest, unit)) {
            return down;
        }
        try {
            return down.plusNanos(unit);
        } catch (DateTimeException e) {
            return value; // past OffsetDateTime.MAX: left to the database
        }
    }

    @Override
    public String describe() {
        return precision == DEFAULT_PRECISION ? "DateTime(timezone=true)" : "DateTime(timezone=true, precision=" + precision + ")";
    }
}
