package dev.ashlar.core.internal.json;

/** Thrown when text is not valid JSON, or a value cannot be written as JSON. */
public final class JsonException extends dev.ashlar.core.error.AshlarException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what was wrong and where. */
    public JsonException(String message) {
        super(message);
    }

    /** Creates the exception with its message and the parser's error. */
    public JsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
