package dev.ashlar.core.types;

/** A UUID, held as {@link java.util.UUID}: native {@code uuid} on PostgreSQL, {@code CHAR(36)} text elsewhere. */
public final class UuidType extends SqlType<java.util.UUID> {
    static final UuidType INSTANCE = new UuidType();

    private UuidType() {
        super(java.util.UUID.class);
    }

    @Override
    public String describe() {
        return "Uuid";
    }
}
