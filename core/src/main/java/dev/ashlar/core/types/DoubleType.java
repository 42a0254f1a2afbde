package dev.ashlar.core.types;

/** A double-precision binary floating-point number, held as {@link Double}. */
public final class DoubleType extends SqlType<Double> {
    static final DoubleType INSTANCE = new DoubleType();

    private DoubleType() {
        super(Double.class);
    }

    @Override
    public String describe() {
        return "Double";
    }
}
