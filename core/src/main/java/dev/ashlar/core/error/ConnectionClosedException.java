package dev.ashlar.core.error;

/**
 * A statement, transaction or other use was asked of a {@link dev.ashlar.core.engine.Connection} that
 * was already closed (given back to the pool). Not a database failure: the caller's own sequence of
 * calls was wrong, so the message says what was attempted and that the connection is closed.
 */
public class ConnectionClosedException extends AshlarException {
    /** A failure naming what was attempted and why it cannot happen. */
    public ConnectionClosedException(String message) {
        super(message);
    }
}
