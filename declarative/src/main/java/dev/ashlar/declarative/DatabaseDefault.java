package dev.ashlar.declarative;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A default the database applies when an insert gives no value, written into the column's DDL as a
 * literal: {@code @DatabaseDefault("0") int stock}. The value is read as the field's type (a number,
 * {@code true}/{@code false}, or text). The ORM session leaves such a column out of an insert whose
 * field is null and reads the value the database chose back into the object.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface DatabaseDefault {
    /** The literal, as text. */
    String value();
}
