package dev.ashlar.core.types;

/** Bytes of any length, held as {@code byte[]}. */
public final class LargeBinaryType extends SqlType<byte[]> {
    static final LargeBinaryType INSTANCE = new LargeBinaryType();

    private LargeBinaryType() {
        super(byte[].class);
    }

    @Override
    public String describe() {
        return "LargeBinary";
    }

    @Override
    public boolean comparable() {
        return false;
    }
}
