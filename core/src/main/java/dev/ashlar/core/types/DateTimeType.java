package dev.ashlar.core.types;

/** A date and time without time zone (naive), microsecond precision, held as {@link java.time.LocalDateTime}. */
public final class DateTimeType extends SqlType<java.time.LocalDateTime> {
    static final DateTimeType INSTANCE = new DateTimeType();

    private DateTimeType() {
        super(java.time.LocalDateTime.class);
    }

    @Override
    public String describe() {
        return "DateTime";
    }
}
