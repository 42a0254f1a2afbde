package dev.ashlar.migrate;

import dev.ashlar.core.error.AshlarException;

/** A migration could not run or the recorded state is not trustworthy; the message says what to do. */
public class MigrationException extends AshlarException {
    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
