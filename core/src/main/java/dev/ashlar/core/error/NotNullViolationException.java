package dev.ashlar.core.error;

import java.sql.SQLException;
import java.util.List;

/** NULL was written to a NOT NULL column. */
public class NotNullViolationException extends IntegrityException {
    public NotNullViolationException(SQLException cause, String sql, List<Object> parameters) {
        super(cause, sql, parameters);
    }
}
