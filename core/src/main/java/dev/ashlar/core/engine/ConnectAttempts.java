package dev.ashlar.core.engine;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The driver's data source as the pool sees it, counting failed attempts to open a connection.
 * The pool opens connections on a thread of its own and, when one fails, retries until the
 * borrower's timeout runs out; {@link Engine#connect()} watches this count instead, so that a connect
 * that cannot succeed (refused, wrong password, unknown database) fails after its first attempt, with
 * the driver's own error.
 */
final class ConnectAttempts implements DataSource {
    private final DataSource driver;
    private final AtomicLong failures = new AtomicLong();
    private volatile SQLException lastFailure;
    /**
     * Whether the next attempt goes to the driver. A failure disarms it, so that the pool's own
     * retries (it retries on its thread while borrowers wait) do not reach the server again; the next
     * {@link Engine#connect()} arms it again.
     */
    private volatile boolean armed = true;

    ConnectAttempts(DataSource driver) {
        this.driver = driver;
    }

    /** How many attempts have failed so far. */
    long failures() {
        return failures.get();
    }

    /** Lets the next attempt reach the driver again: a new {@code connect()} tries afresh. */
    void arm() {
        armed = true;
    }

    /** The driver's error of the latest failed attempt, or {@code null}. */
    SQLException lastFailure() {
        return lastFailure;
    }

    @Override
    public java.sql.Connection getConnection() throws SQLException {
        checkArmed();
        try {
            return driver.getConnection();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public java.sql.Connection getConnection(String username, String password) throws SQLException {
        checkArmed();
        try {
            return driver.getConnection(username, password);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void checkArmed() throws SQLException {
        SQLException last = lastFailure;
        if (!armed && last != null) {
            throw new SQLException("not retried after: " + last.getMessage(), last.getSQLState(), last.getErrorCode(), last);
        }
    }

    private SQLException failed(SQLException e) {
        // the error first, then the count: a reader that sees the new count sees this error
        armed = false;
        lastFailure = e;
        failures.incrementAndGet();
        return e;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return driver.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        driver.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        driver.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return driver.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return driver.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(driver)) {
            return iface.cast(driver);
        }
        return driver.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(driver) || driver.isWrapperFor(iface);
    }
}
