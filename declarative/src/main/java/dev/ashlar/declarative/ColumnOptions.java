package dev.ashlar.declarative;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Overrides how a field maps to its column. Every attribute is optional; the other annotations
 * ({@link Required}, {@link Unique}, {@link Indexed}) say the same more briefly.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ColumnOptions {
    /** The column name; empty means the snake_case field name. */
    String name() default "";

    /** Whether the column accepts NULL; {@code false} is the same as {@link Required}. */
    boolean nullable() default true;

    /** Adds a unique constraint on the column alone. */
    boolean unique() default false;

    /** Adds an index on the column alone. */
    boolean index() default false;
}
