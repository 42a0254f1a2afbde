package dev.ashlar.core.error;

/** The statement asks for something this database cannot do, such as {@code UPDATE ... RETURNING} on MariaDB. */
public class UnsupportedFeatureException extends AshlarException {
    public UnsupportedFeatureException(String message) {
        super(message);
    }
}
