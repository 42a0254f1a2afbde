package dev.ashlar.core.types;

/** A 16-bit signed integer, held as {@link Short}. */
public final class SmallIntegerType extends SqlType<Short> {
    static final SmallIntegerType INSTANCE = new SmallIntegerType();

    private SmallIntegerType() {
        super(Short.class);
    }

    @Override
    public String describe() {
        return "SmallInteger";
    }
}
