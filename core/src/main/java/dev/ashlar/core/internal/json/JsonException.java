package dev.ashlar.core.internal.json;

/** Thrown when text is not valid JSON, or a value cannot be written as JSON. */
public final class JsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what was wrong and where. */
    public JsonException(String message) {
        super(message);
    }
}
