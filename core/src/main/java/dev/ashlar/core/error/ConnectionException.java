package dev.ashlar.core.error;

import java.sql.SQLException;
import java.util.List;

/** The database could not be reached, or the connection broke. */
public class ConnectionException extends OperationalException {
    public ConnectionException(SQLException cause, String sql, List<Object> parameters) {
        super(cause, sql, parameters);
    }
}
