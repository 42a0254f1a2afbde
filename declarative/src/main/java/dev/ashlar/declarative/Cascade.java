package dev.ashlar.declarative;

/** What a session operation on an object does to the objects of one of its relationships. */
public enum Cascade {
    /** Adding or flushing the owner saves the related objects too (on by default). */
    SAVE,
    /** Deleting the owner deletes the related objects. */
    DELETE,
    /** A related object removed from the owner's collection is deleted. */
    DELETE_ORPHAN
}
