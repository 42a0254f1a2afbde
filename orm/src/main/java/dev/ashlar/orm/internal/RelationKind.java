package dev.ashlar.orm.internal;

/** The shapes of relationship the session handles. */
public enum RelationKind {
    /** A {@code Ref} whose foreign key is in the owner (ManyToOne, or the owning side of OneToOne). */
    TO_ONE_FK,
    /** A {@code Ref} whose foreign key is in the target (the mappedBy side of OneToOne). */
    TO_ONE_INVERSE,
    /** A {@code List} of targets whose foreign key points at the owner (OneToMany). */
    TO_MANY,
    /** A {@code List} of targets related through an association model (ManyToMany). */
    MANY_TO_MANY;

    /** Whether the field holds a list. */
    public boolean isCollection() {
        return this == TO_MANY || this == MANY_TO_MANY;
    }
}
