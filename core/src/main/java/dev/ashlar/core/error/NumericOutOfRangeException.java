package dev.ashlar.core.error;

import java.sql.SQLException;
import java.util.List;

/** A number does not fit its column's range or precision. */
public class NumericOutOfRangeException extends DataException {
    public NumericOutOfRangeException(SQLException cause, String sql, List<Object> parameters) {
        super(cause, sql, parameters);
    }
}
