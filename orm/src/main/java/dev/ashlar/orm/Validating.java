package dev.ashlar.orm;

/**
 * Implemented by a model that has rules of its own beyond the schema's. The session calls
 * {@link #validate} on each object it is about to insert or update, together with the schema checks,
 * and reports all violations at once.
 */
public interface Validating {
    /** Adds a violation for each broken rule, with {@link Violations#add}. */
    void validate(Violations violations);
}
