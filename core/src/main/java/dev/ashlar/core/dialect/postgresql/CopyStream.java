package dev.ashlar.core.dialect.postgresql;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One {@code COPY ... FROM STDIN} through pgjdbc's copy API. The only class of the dialect that
 * names pgjdbc: it loads when a COPY runs, so applications on other databases never need the driver.
 */
final class CopyStream {
    private final CopyIn copy;

    private CopyStream(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts the COPY on the driver's connection (beneath the pool's proxy). */
    static CopyStream open(java.sql.Connection jdbc, String sql) throws SQLException {
        return new CopyStream(jdbc.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
    }

    /** Sends encoded rows; pgjdbc's client encoding is always UTF-8. */
    void write(CharSequence rows) throws SQLException {
        if (rows.length() > 0) {
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
        }
    }

    /** Ends the COPY and returns the number of rows the server wrote; the server's errors surface here. */
    long finish() throws SQLException {
        return copy.endCopy();
    }

    /**
     * Ends a COPY that failed on this side, so that the connection can go on (the server then fails
     * the COPY and, with it, the transaction). A failure to cancel is kept on {@code cause}.
     */
    void abandon(Throwable cause) {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
