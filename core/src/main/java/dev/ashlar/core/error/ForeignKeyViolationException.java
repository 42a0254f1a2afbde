package dev.ashlar.core.error;

import java.sql.SQLException;
import java.util.List;

/** A foreign key was broken: the referenced row is missing, or still referenced. */
public class ForeignKeyViolationException extends IntegrityException {
    public ForeignKeyViolationException(SQLException cause, String sql, List<Object> parameters) {
        super(cause, sql, parameters);
    }
}
