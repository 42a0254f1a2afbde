package dev.ashlar.declarative;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The precision and scale of a {@link java.math.BigDecimal} field's column, which it requires:
 * {@code @Numeric(precision = 10, scale = 2)} holds values up to 99999999.99.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Numeric {
    /** Total number of digits. */
    int precision();

    /** Digits after the decimal point. */
    int scale() default 0;
}
