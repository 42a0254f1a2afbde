package dev.ashlar.core.error;

import java.sql.SQLException;
import java.util.List;

/** A string or binary value is longer than its column allows. */
public class ValueTooLongException extends DataException {
    public ValueTooLongException(SQLException cause, String sql, List<Object> parameters) {
        super(cause, sql, parameters);
    }
}
