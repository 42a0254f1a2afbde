package dev.ashlar.core.error;

/** A setup mistake: a bad URL, a missing driver, an unknown dialect. The message says what to do. */
public class ConfigurationException extends AshlarException {
    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
