package dev.ashlar.core.error;

import java.sql.SQLException;
import java.util.List;

/** The database could not parse the statement. */
public class SyntaxErrorException extends ProgrammingException {
    public SyntaxErrorException(SQLException cause, String sql, List<Object> parameters) {
        super(cause, sql, parameters);
    }
}
