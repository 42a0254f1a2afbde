package dev.ashlar.declarative;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A reference to one object of another model (or the same one, for trees), held in a field of type
 * {@code Ref<Target>} and stored in a foreign key field of this model:
 * <pre>{@code
 * @References(model = Supplier.class) Long supplierId;
 * @ManyToOne Ref<Supplier> supplier = new Ref<>();
 * }</pre>
 */
@Relationship
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ManyToOne {
    /** The field of this model holding the foreign key; empty means the one field that {@code @References} the target. */
    String key() default "";

    /** How the reference is loaded by default. */
    Fetch fetch() default Fetch.LAZY;

    /** What session operations on this model do to the referenced object. */
    Cascade[] cascade() default {Cascade.SAVE};
}
