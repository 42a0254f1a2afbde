package dev.ashlar.core.error;

import java.sql.SQLException;
import java.util.List;

/** The statement is wrong for this database: bad syntax, a missing table or column. */
public class ProgrammingException extends DatabaseException {
    public ProgrammingException(SQLException cause, String sql, List<Object> parameters) {
        super(cause, sql, parameters);
    }
}
