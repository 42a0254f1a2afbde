package dev.ashlar.test;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that hands out one test's connection, inside the test's transaction, again and
 * again: closing what it hands out does nothing, since the extension ends the transaction and gives
 * the connection back after the test. It hides the driver's connection underneath (unwrapping to
 * {@link java.sql.Connection} gives this handle), so that statements Ashlar prepares are made
 * through the pool's connection, which closes them when the connection goes back after the test.
 */
final class HeldConnection implements DataSource {
    private final java.sql.Connection handle;

    HeldConnection(java.sql.Connection held) {
        this.handle = (java.sql.Connection) Proxy.newProxyInstance(HeldConnection.class.getClassLoader(),
                new Class<?>[]{java.sql.Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            return null;
                        }
                        case "unwrap" -> {
                            if (args[0] == java.sql.Connection.class) {
                                return proxy;
                            }
                        }
                        case "isWrapperFor" -> {
                            if (args[0] == java.sql.Connection.class) {
                                return true;
                            }
                        }
                        default -> {
                        }
                    }
                    try {
                        return method.invoke(held, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public java.sql.Connection getConnection() {
        return handle;
    }

    @Override
    public java.sql.Connection getConnection(String user, String password) {
        return handle;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging here");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("HeldConnection wraps no data source");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }

    @Override
    public String toString() {
        return "the test's transaction";
    }
}
