package dev.ashlar.core.error;

/** The root of every exception Ashlar throws. Unchecked, as JDBC's checked exceptions help no caller. */
public class AshlarException extends RuntimeException {
    public AshlarException(String message) {
        super(message);
    }

    public AshlarException(String message, Throwable cause) {
        super(message, cause);
    }
}
