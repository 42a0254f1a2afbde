package dev.ashlar.core.types;

/** A time of day with microsecond precision and no time zone, held as {@link java.time.LocalTime}. */
public final class TimeType extends SqlType<java.time.LocalTime> {
    static final TimeType INSTANCE = new TimeType();

    private TimeType() {
        super(java.time.LocalTime.class);
    }

    @Override
    public String describe() {
        return "Time";
    }
}
