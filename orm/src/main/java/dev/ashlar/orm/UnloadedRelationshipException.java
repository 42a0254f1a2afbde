package dev.ashlar.orm;

import dev.ashlar.core.error.AshlarException;

/**
 * A relationship was touched that is not loaded and cannot be loaded now: its loading is
 * {@code raise}, or the session that loaded its owner is closed. The message names the relationship
 * and the query option that would have loaded it.
 */
public class UnloadedRelationshipException extends AshlarException {
    private final String relationship;

    /** A failure for {@code relationship} ({@code Model.field}). */
    public UnloadedRelationshipException(String relationship, String message) {
        super(message);
        this.relationship = relationship;
    }

    /** The relationship, as {@code Model.field}. */
    public String relationship() {
        return relationship;
    }
}
