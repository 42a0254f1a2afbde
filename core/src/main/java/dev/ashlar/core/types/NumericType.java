package dev.ashlar.core.types;

import java.math.BigDecimal;

/**
 * An exact decimal number with {@code precision} digits in all, {@code scale} of them after the
 * point, held as {@link BigDecimal}. Values read back with exactly {@code scale} decimal places on
 * every database, SQLite included (where Ashlar binds decimals as text and reads them as text, so
 * no binary floating point is ever involved for up to 15 significant digits, and none at all for
 * values SQLite keeps as text).
 */
public final class NumericType extends SqlType<BigDecimal> {
    private final int precision;
    private final int scale;

    NumericType(int precision, int scale) {
        super(BigDecimal.class);
        if (precision < 1 || precision > 65) {
            throw new dev.ashlar.core.error.AshlarException("Numeric precision must be between 1 and 65, got " + precision);
        }
        if (scale < 0 || scale > precision) {
            throw new dev.ashlar.core.error.AshlarException("Numeric scale must be between 0 and the precision " + precision + ", got " + scale);
        }
        this.precision = precision;
        this.scale = scale;
    }

    /** Total number of significant digits. */
    public int precision() {
        return precision;
    }

    /** Digits after the decimal point. */
    public int scale() {
        return scale;
    }

    @Override
    public String describe() {
        return "Numeric(" + precision + ", " + scale + ")";
    }
}
