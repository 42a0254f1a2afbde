package dev.ashlar.core.error;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The database refused a statement. Carries the SQL, its parameters, the SQLSTATE and the vendor
 * code; the subclasses say what kind of failure it was, so callers catch meaning, not codes.
 */
public class DatabaseException extends AshlarException {
    private final String sql;
    private final List<Object> parameters;
    private final String sqlState;
    private final int vendorCode;

    public DatabaseException(SQLException cause, String sql, List<Object> parameters) {
        super(message(cause, sql, parameters), cause);
        this.sql = sql;
        this.parameters = parameters == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(parameters));
        this.sqlState = cause.getSQLState();
        this.vendorCode = cause.getErrorCode();
    }

    private static String message(SQLException cause, String sql, List<Object> parameters) {
        StringBuilder b = new StringBuilder(String.valueOf(cause.getMessage()).strip());
        if (sql != null) {
            b.append("\n[SQL: ").append(sql).append(']');
            if (parameters != null && !parameters.isEmpty()) {
                b.append("\n[parameters: ").append(parameters).append(']');
            }
        }
        return b.toString();
    }

    /** The statement that failed, or {@code null} when the failure was not tied to one (a connect). */
    public String sql() {
        return sql;
    }

    /** The bound parameter values, in order. */
    public List<Object> parameters() {
        return parameters;
    }

    /** The five-character SQLSTATE the driver reported, or {@code null}. */
    public String sqlState() {
        return sqlState;
    }

    /** The database's own error code. */
    public int vendorCode() {
        return vendorCode;
    }
}
