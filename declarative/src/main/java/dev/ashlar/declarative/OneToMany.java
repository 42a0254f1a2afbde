package dev.ashlar.declarative;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The objects of another model whose foreign key points at this one, held in a {@code List<Target>}
 * field. With {@link #mappedBy()} naming the target's {@link ManyToOne} field, both sides stay in
 * sync in memory: adding to the list sets the reference, and setting the reference adds to the list.
 */
@Relationship
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OneToMany {
    /** The target's {@code ManyToOne} field pointing back here; empty when there is none. */
    String mappedBy() default "";

    /** The target's foreign key field; empty means the one field of the target that {@code @References} this model. */
    String key() default "";

    /** How the collection is loaded by default. */
    Fetch fetch() default Fetch.LAZY;

    /** What session operations on this model do to the objects in the collection. */
    Cascade[] cascade() default {Cascade.SAVE};
}
