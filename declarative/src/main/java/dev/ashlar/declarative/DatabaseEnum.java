package dev.ashlar.declarative;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a {@code String} field to an enum the database keeps itself: a PostgreSQL enum type
 * ({@code CREATE TYPE mood AS ENUM (...)}, created with the table where it is missing), a MariaDB
 * {@code ENUM(...)} column, a SQLite column with {@code CHECK (mood IN (...))}. The database refuses
 * any other value. For a Java enum stored by name in a plain column, use an enum field instead.
 *
 * <pre>{@code
 * @DatabaseEnum(name = "mood", values = {"happy", "sad"}) String mood;
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface DatabaseEnum {
    /** The type's name where the database names enum types (PostgreSQL); empty lets the dialect name it from the values. */
    String name() default "";

    /** The values, in order; at least one, all different. */
    String[] values();
}
