package dev.ashlar.migrate;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a migration and the revisions it follows. A revision with no parents is a base; one with two
 * parents merges two branches.
 *
 * <pre>{@code
 * @Revision(id = "20261201_add_sku", parents = "20261101_items", message = "add a unique sku")
 * public final class AddSku implements Migration { ... }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {
    /** The revision's id, unique among the scripts; letters, digits, {@code _}, {@code -} and {@code .}, at most 64 characters. */
    String id();

    /** The ids of the revisions this one follows; empty for a base revision. */
    String[] parents() default {};

    /** What the revision does, in words, for {@code history}. */
    String message() default "";
}
