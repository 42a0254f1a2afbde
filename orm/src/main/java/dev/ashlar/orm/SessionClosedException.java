package dev.ashlar.orm;

import dev.ashlar.core.error.AshlarException;

/** An operation was called on a session that is closed; the message names the operation. */
public class SessionClosedException extends AshlarException {
    private final String operation;

    /** A failure of {@code operation} on a closed session. */
    public SessionClosedException(String operation) {
        super("cannot " + operation + ": the session is closed; open a new one with Session.open(engine)");
        this.operation = operation;
    }

    /** The operation that was refused. */
    public String operation() {
        return operation;
    }
}
