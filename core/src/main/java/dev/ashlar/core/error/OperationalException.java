package dev.ashlar.core.error;

import java.sql.SQLException;
import java.util.List;

/** The database could not do the work for reasons outside the statement: connection, timeout, locking. */
public class OperationalException extends DatabaseException {
    public OperationalException(SQLException cause, String sql, List<Object> parameters) {
        super(cause, sql, parameters);
    }
}
