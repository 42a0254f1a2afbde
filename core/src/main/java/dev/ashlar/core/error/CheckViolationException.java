package dev.ashlar.core.error;

import java.sql.SQLException;
import java.util.List;

/** A check constraint refused the row. */
public class CheckViolationException extends IntegrityException {
    public CheckViolationException(SQLException cause, String sql, List<Object> parameters) {
        super(cause, sql, parameters);
    }
}
