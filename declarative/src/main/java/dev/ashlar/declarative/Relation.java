package dev.ashlar.declarative;

import java.util.Objects;

/**
 * A typed reference to one relationship field of a model, such as {@code Order_.lines}: the
 * annotation processor generates one per relationship in the model's metamodel class, so that code
 * naming a relationship (loading options, for instance) is checked by the compiler instead of
 * spelling the field name in a string.
 *
 * @param owner  the model declaring the field
 * @param name   the field name
 * @param target the related model (the type argument of its {@code Ref} or {@code List})
 * @param <O>    the owner model
 * @param <T>    the related model
 */
public record Relation<O, T>(Class<O> owner, String name, Class<T> target) {
    /** Checks that every part is given. */
    public Relation {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
    }

    /** The relationship {@code name} of {@code owner}, leading to {@code target}. */
    public static <O, T> Relation<O, T> of(Class<O> owner, String name, Class<T> target) {
        return new Relation<>(owner, name, target);
    }

    /** {@code Owner.name}, as used in messages. */
    @Override
    public String toString() {
        return owner.getSimpleName() + "." + name;
    }
}
