package dev.ashlar.core.types;

/** A 64-bit signed integer, held as {@link Long}. */
public final class BigIntegerType extends SqlType<Long> {
    static final BigIntegerType INSTANCE = new BigIntegerType();

    private BigIntegerType() {
        super(Long.class);
    }

    @Override
    public String describe() {
        return "BigInteger";
    }
}
