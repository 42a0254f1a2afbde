package dev.ashlar.core.error;

import java.sql.SQLException;
import java.util.List;

/** The database chose this transaction as a deadlock victim; retrying it may succeed. */
public class DeadlockException extends OperationalException {
    public DeadlockException(SQLException cause, String sql, List<Object> parameters) {
        super(cause, sql, parameters);
    }
}
