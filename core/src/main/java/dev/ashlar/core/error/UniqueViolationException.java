package dev.ashlar.core.error;

import java.sql.SQLException;
import java.util.List;

/** A row with the same unique key already exists. */
public class UniqueViolationException extends IntegrityException {
    public UniqueViolationException(SQLException cause, String sql, List<Object> parameters) {
        super(cause, sql, parameters);
    }
}
