package dev.ashlar.core.error;

import java.sql.SQLException;
import java.util.List;

/**
 * The database cannot hold this value faithfully: {@code NaN} on SQLite (which would store NULL),
 * {@code NaN} or an infinity on MariaDB, a date after year 9999 on SQLite (whose text would then
 * sort wrongly). Raised by the dialect before the statement is sent, so nothing is written.
 */
public class UnstorableValueException extends DataException {
    public UnstorableValueException(SQLException cause, String sql, List<Object> parameters) {
        super(cause, sql, parameters);
    }
}
