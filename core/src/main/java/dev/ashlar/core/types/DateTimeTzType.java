package dev.ashlar.core.types;

/** An instant in time with microsecond precision, held as {@link java.time.OffsetDateTime}. Values are stored as UTC and read back with offset {@code +00:00}: the instant is kept, the writer's offset is not (as PostgreSQL's {@code timestamptz} does). */
public final class DateTimeTzType extends SqlType<java.time.OffsetDateTime> {
    static final DateTimeTzType INSTANCE = new DateTimeTzType();

    private DateTimeTzType() {
        super(java.time.OffsetDateTime.class);
    }

    @Override
    public String describe() {
        return "DateTime(timezone=true)";
    }
}
