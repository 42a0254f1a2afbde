package dev.ashlar.declarative;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A reference to at most one object of another model, in a {@code Ref<Target>} field. On the side
 * holding the foreign key, {@link #key()} names it (or it is the one field that {@code @References}
 * the target); on the other side {@link #mappedBy()} names the target's {@code OneToOne} field.
 */
@Relationship
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OneToOne {
    /** The foreign key field of this model; empty to find it, or when {@link #mappedBy()} is set. */
    String key() default "";

    /** The target's {@code OneToOne} field holding the foreign key; empty on the owning side. */
    String mappedBy() default "";

    /** How the reference is loaded by default. */
    Fetch fetch() default Fetch.LAZY;

    /** What session operations on this model do to the referenced object. */
    Cascade[] cascade() default {Cascade.SAVE};
}
