package dev.ashlar.core.types;

import java.time.LocalTime;

/**
 * A time of day without time zone, held as {@link LocalTime}, kept to {@link #precision()}
 * fractional-second digits (microseconds by default). Values are bound rounded to the precision:
 * see {@link FractionalSeconds} for the rule.
 */
public final class TimeType extends SqlType<LocalTime> implements FractionalSeconds {
    static final TimeType INSTANCE = new TimeType(DEFAULT_PRECISION);

    private final int precision;
    private final int unit;

    TimeType(int precision) {
        super(LocalTime.class);
        this.precision = precision;
        this.unit = Fractions.unit(precision);
    }

    @Override
    public int precision() {
        return precision;
    }

    /**
     * {@code value} as a column of this type holds it: rounded half up to the precision (see
     * {@link FractionalSeconds}); a time that would round past midnight is left as it is, since
     * {@link LocalTime} has no {@code 24:00:00}.
     */
    public LocalTime round(LocalTime value) {
        int rest = Fractions.rest(value.getNano(), unit);
        if (rest == 0) {
            return value;
        }
        LocalTime down = value.withNano(value.getNano() - rest);
        if (!Fractions.roundsUp(rest, unit)) {
            return down;
        }
        LocalTime up = down.plusNanos(unit);
        return up.isBefore(down) ? value : up;
    }

    @Override
    public String describe() {
        return Fractions.describe("Time", precision);
    }
}
