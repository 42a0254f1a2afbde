package dev.ashlar.core.error;

/** {@code one()} found no row, or more than one. */
public class NoResultException extends AshlarException {
    public NoResultException(String message) {
        super(message);
    }
}
