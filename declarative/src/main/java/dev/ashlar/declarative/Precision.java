package dev.ashlar.declarative;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The fractional-second digits a {@code LocalDateTime}, {@code OffsetDateTime} or {@code LocalTime}
 * field's column keeps, 0 (whole seconds) to 6 (microseconds, the default without it):
 * {@code @Precision(0) LocalDateTime hireDate} is {@code DATETIME} on MariaDB and
 * {@code TIMESTAMP(0)} on PostgreSQL. Values are written rounded half up to that many digits on
 * every database ({@code dev.ashlar.core.types.FractionalSeconds} states the rule). A
 * {@code BigDecimal}'s digits are {@link Numeric}'s.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Precision {
    /** The digits after the seconds' point, 0 to 6. */
    int value();
}
