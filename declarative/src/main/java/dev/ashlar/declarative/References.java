package dev.ashlar.declarative;

import dev.ashlar.core.schema.ReferentialAction;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the field's column a foreign key to the primary key of another model, whose primary key
 * must be a single column of the same Java type.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface References {
    /** The referenced model class. */
    Class<?> model();

    /** What the database does to this row when the referenced row is deleted. */
    ReferentialAction onDelete() default ReferentialAction.NO_ACTION;

    /** What the database does to this row when the referenced key changes. */
    ReferentialAction onUpdate() default ReferentialAction.NO_ACTION;
}
