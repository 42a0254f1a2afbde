package dev.ashlar.core.error;

import java.sql.SQLException;
import java.util.List;

/** A constraint refused the write: unique, foreign key, not null or check. */
public class IntegrityException extends DatabaseException {
    public IntegrityException(SQLException cause, String sql, List<Object> parameters) {
        super(cause, sql, parameters);
    }
}
