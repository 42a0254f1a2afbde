package dev.ashlar.declarative;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class or record as a model mapped to one table. Without {@link #table()} the table is named
 * after the class in snake_case ({@code OrderLine} becomes {@code order_line}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Model {
    /** The table name; empty means the snake_case class name. */
    String table() default "";
}
