package dev.ashlar.core.engine;

import com.zaxxer.hikari.HikariConfig;
import dev.ashlar.core.error.ConfigurationException;
import java.io.PrintWriter;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The connections of an engine without a pool ({@link EngineOptions#pooled(boolean)} false): each
 * {@code getConnection()} opens a new driver connection, set up as the pool would set it up (the
 * dialect's driver properties, its session set-up statement, autocommit), and closing it closes it.
 * A one-shot program, such as a command of the command line, opens one or two connections and exits:
 * it skips the pool's threads and start-up, like SQLAlchemy's {@code NullPool}.
 */
final class PlainConnections implements DataSource {
    private final Driver driver;
    private final String jdbcUrl;
    private final Properties properties = new Properties();
    private final String initSql;
    /** The data source a dialect set to open its connections (SQLite's registers Ashlar's functions on each), or null. */
    private final DataSource dialectSource;

    /** Takes the settings from the pool configuration that the dialect filled in. */
    PlainConnections(HikariConfig config) {
        try {
            // The driver itself, not DriverManager: that would load and initialise every driver on the classpath.
            driver = (Driver) Class.forName(config.getDriverClassName()).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ConfigurationException("cannot instantiate the JDBC driver " + config.getDriverClassName() + ": "
                    + e.getMessage() + "; put a working version of the driver on the classpath", e);
        }
        jdbcUrl = config.getJdbcUrl();
        config.getDataSourceProperties().forEach((key, value) -> properties.setProperty(key.toString(), value.toString()));
        if (config.getUsername() != null) {
            properties.setProperty("user", config.getUsername());
        }
        if (config.getPassword() != null) {
            properties.setProperty("password", config.getPassword());
        }
        initSql = config.getConnectionInitSql();
        dialectSource = config.getDataSource();
        // The drivers bound their connect by the JDBC login timeout, as the pool's connection timeout bounds it
        // there (HikariCP sets the same JVM-wide value): an unreachable server fails in connectTimeout, not in
        // the driver's own default (30 s for MariaDB).
        DriverManager.setLoginTimeout((int) Math.max(1, (config.getConnectionTimeout() + 999) / 1000));
    }

    @Override
    public java.sql.Connection getConnection() throws SQLException {
        java.sql.Connection connection = dialectSource != null ? dialectSource.getConnection() : driver.connect(jdbcUrl, properties);
        if (connection == null) {
            throw new SQLException("the JDBC driver " + driver.getClass().getName() + " does not accept the URL " + jdbcUrl, "08001");
        }
        try {
            if (initSql != null) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(initSql);
                }
            }
            connection.setAutoCommit(true);
            return connection;
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    public java.sql.Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("an engine's connections use the credentials of its URL");
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
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
