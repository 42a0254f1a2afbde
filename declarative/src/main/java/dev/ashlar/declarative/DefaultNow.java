package dev.ashlar.declarative;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fills the field's column, when an insert gives no value, with the current UTC time (microsecond
 * precision) taken on the client. Applies to {@code LocalDateTime}, {@code OffsetDateTime} and {@code LocalDate}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface DefaultNow {
}
