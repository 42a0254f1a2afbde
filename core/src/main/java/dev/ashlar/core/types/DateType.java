package dev.ashlar.core.types;

/** A calendar date without time zone, held as {@link java.time.LocalDate}. */
public final class DateType extends SqlType<java.time.LocalDate> {
    static final DateType INSTANCE = new DateType();

    private DateType() {
        super(java.time.LocalDate.class);
    }

    @Override
    public String describe() {
        return "Date";
    }
}
