package dev.ashlar.core.error;

import java.sql.SQLException;
import java.util.List;

/** A statement or a lock wait took longer than allowed and was cancelled. */
public class QueryTimeoutException extends OperationalException {
    public QueryTimeoutException(SQLException cause, String sql, List<Object> parameters) {
        super(cause, sql, parameters);
    }
}
