package dev.ashlar.declarative;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an annotation as declaring a relationship ({@link ManyToOne}, {@link OneToMany},
 * {@link OneToOne}, {@link ManyToMany}). A field carrying such an annotation has no column of its
 * own: the model reader leaves it out of the table, and the ORM session manages it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface Relationship {
}
