package dev.ashlar.orm;

import dev.ashlar.core.error.AshlarException;

/**
 * Strict mode found an N+1 pattern: the same lazy relationship loaded one object at a time for
 * many objects of one result. The message names the relationship and the option that avoids it.
 */
public class NPlusOneException extends AshlarException {
    private final String relationship;

    /** A failure for {@code relationship} ({@code Model.field}). */
    public NPlusOneException(String relationship, String message) {
        super(message);
        this.relationship = relationship;
    }

    /** The relationship, as {@code Model.field}. */
    public String relationship() {
        return relationship;
    }
}
