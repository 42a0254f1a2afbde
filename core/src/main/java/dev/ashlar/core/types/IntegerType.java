package dev.ashlar.core.types;

/** A 32-bit signed integer, held as {@link Integer}. */
public final class IntegerType extends SqlType<Integer> {
    static final IntegerType INSTANCE = new IntegerType();

    private IntegerType() {
        super(Integer.class);
    }

    @Override
    public String describe() {
        return "Integer";
    }
}
