package dev.ashlar.core.error;

/**
 * Ashlar's API was called in a way it does not allow: an argument out of its range or naming
 * nothing that exists (a column a table lacks, a relationship a model lacks), or a call that the
 * object's current state forbids (an object not in the session, a template run the wrong way). A
 * mistake in the calling code, found before anything is sent to the database; the message names the
 * argument or the state and says what to do instead. Ashlar's counterpart of the JDK's
 * {@code IllegalArgumentException} and {@code IllegalStateException}, which its API does not throw.
 */
public class UsageException extends AshlarException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
