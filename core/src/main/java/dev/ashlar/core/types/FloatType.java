package dev.ashlar.core.types;

/** A single-precision binary floating-point number, held as {@link Float}. */
public final class FloatType extends SqlType<Float> {
    static final FloatType INSTANCE = new FloatType();

    private FloatType() {
        super(Float.class);
    }

    @Override
    public String describe() {
        return "Float";
    }
}
