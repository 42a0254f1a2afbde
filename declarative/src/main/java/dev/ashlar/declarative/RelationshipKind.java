package dev.ashlar.declarative;

/** The shapes of relationship a model can declare, as resolved by the model reader. */
public enum RelationshipKind {
    /** A to-one reference whose foreign key is in the owner ({@link ManyToOne}, or the owning side of {@link OneToOne}). */
    TO_ONE_FK,
    /** A to-one reference whose foreign key is in the target (the {@code mappedBy} side of {@link OneToOne}). */
    TO_ONE_INVERSE,
    /** A list of targets whose foreign key points at the owner ({@link OneToMany}). */
    TO_MANY,
    /** A list of targets related through an association model ({@link ManyToMany}). */
    MANY_TO_MANY;

    /** Whether the field holds a list. */
    public boolean isCollection() {
        return this == TO_MANY || this == MANY_TO_MANY;
    }
}
