package dev.ashlar.core.error;

import java.sql.SQLException;
import java.util.List;

/** The statement names a table that does not exist. */
public class UndefinedTableException extends ProgrammingException {
    public UndefinedTableException(SQLException cause, String sql, List<Object> parameters) {
        super(cause, sql, parameters);
    }
}
