package dev.ashlar.core.error;

import java.sql.SQLException;
import java.util.List;

/** A serializable transaction conflicted with another; retrying it may succeed. */
public class SerializationFailureException extends OperationalException {
    public SerializationFailureException(SQLException cause, String sql, List<Object> parameters) {
        super(cause, sql, parameters);
    }
}
