package dev.ashlar.declarative;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Objects of another model related through an association model, in a {@code List<Target>} field.
 * The association model ({@link #through()}) is an ordinary model with two {@code @References}
 * fields, one to each side, which together form its primary key. Adding to or removing from the
 * list inserts or deletes association rows on flush.
 */
@Relationship
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ManyToMany {
    /** The association model. */
    Class<?> through();

    /** How the collection is loaded by default. */
    Fetch fetch() default Fetch.LAZY;
}
