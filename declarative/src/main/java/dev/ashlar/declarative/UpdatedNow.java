package dev.ashlar.declarative;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets the field's column to the current UTC time (taken on the client, microsecond precision) on
 * every update of the row; the ORM session puts the value into the object too. Applies to
 * {@code LocalDateTime}, {@code OffsetDateTime} and {@code LocalDate}. Combine with
 * {@link DefaultNow} for a column that also gets the time on insert.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface UpdatedNow {
}
