package dev.ashlar.core.error;

import java.sql.SQLException;
import java.util.List;

/** A value does not fit its column: too long, out of range, malformed. */
public class DataException extends DatabaseException {
    public DataException(SQLException cause, String sql, List<Object> parameters) {
        super(cause, sql, parameters);
    }
}
