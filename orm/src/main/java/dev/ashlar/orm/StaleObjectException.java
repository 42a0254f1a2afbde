package dev.ashlar.orm;

import dev.ashlar.core.error.AshlarException;

/**
 * An update or delete of a versioned model found the row changed (or gone) since the session read
 * it: another transaction wrote it first. Nothing of the flush was written; reload the object
 * ({@code session.refresh}) and apply the change again.
 */
public class StaleObjectException extends AshlarException {
    private final Class<?> model;
    private final Object expectedVersion;

    /** A stale write of {@code model} expecting {@code expectedVersion}, with the SQL that found no row. */
    public StaleObjectException(Class<?> model, String description, Object expectedVersion, String sql) {
        super(description + " was changed or deleted by another transaction since it was read (expected version "
                + expectedVersion + "); nothing was written. Refresh it and apply the change again.\n[SQL: " + sql + "]");
        this.model = model;
        this.expectedVersion = expectedVersion;
    }

    /** The model class. */
    public Class<?> model() {
        return model;
    }

    /** The version the session expected the row to have. */
    public Object expectedVersion() {
        return expectedVersion;
    }
}
