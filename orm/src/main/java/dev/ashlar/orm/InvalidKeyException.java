package dev.ashlar.orm;

import dev.ashlar.core.error.AshlarException;
import java.util.List;

/**
 * A primary key passed to the session (as to {@code session.get(Item.class, key)}) does not fit the
 * model's key: a value of another type, {@code null}, or the wrong number of values. The message
 * names the model, its key fields and the types they take; nothing was sent to the database.
 */
public class InvalidKeyException extends AshlarException {
    private final Class<?> model;
    private final List<Class<?>> expectedTypes;

    /** A key for {@code model}, whose key fields take {@code expectedTypes}, that did not fit as {@code problem} says. */
    public InvalidKeyException(Class<?> model, List<Class<?>> expectedTypes, String message) {
        super(message);
        this.model = model;
        this.expectedTypes = List.copyOf(expectedTypes);
    }

    /** The model class. */
    public Class<?> model() {
        return model;
    }

    /** The Java types of the key's values, in key column order. */
    public List<Class<?>> expectedTypes() {
        return expectedTypes;
    }
}
