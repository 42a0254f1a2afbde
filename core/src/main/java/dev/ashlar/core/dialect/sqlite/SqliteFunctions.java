package dev.ashlar.core.dialect.sqlite;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.sqlite.Function;

/**
 * The Java functions that Ashlar's SQL calls on SQLite, registered on every connection that the
 * pool opens (through {@link #dataSource}). SQLite has no Unicode case folding of its own: its
 * {@code lower()} and {@code LIKE} fold ASCII only, so {@code 'Élodie'} would not match
 * {@code '%élodie%'}.
 */
final class SqliteFunctions {
    /** {@code ashlar_ilike(text, pattern, escape)}: 1 when the LIKE pattern matches ignoring case for all of Unicode, NULL on NULL. */
    static final String ILIKE = "ashlar_ilike";

    /** Patterns seen lately, compiled; a statement usually matches one pattern against many rows. */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final int MAX_PATTERNS = 512;

    private SqliteFunctions() {
    }

    /** A data source that opens SQLite connections with {@code properties} and registers the functions on each. */
    static DataSource dataSource(String jdbcUrl, Properties properties) {
        return new FunctionDataSource(jdbcUrl, properties);
    }

    /** Registers the functions on one connection. */
    static void register(Connection connection) throws SQLException {
        Function.create(connection, ILIKE, new ILike(), 3, Function.FLAG_DETERMINISTIC);
    }

    /** Whether {@code text} matches the LIKE {@code pattern}, ignoring case by Unicode's simple case mapping. */
    static boolean matchesIgnoringCase(String text, String pattern, char escape) throws SQLException {
        String key = escape + pattern;
        Pattern compiled = PATTERNS.get(key);
        if (compiled == null) {
            compiled = Pattern.compile(regex(pattern, escape), Pattern.DOTALL | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            if (PATTERNS.size() >= MAX_PATTERNS) {
                PATTERNS.clear();
            }
            PATTERNS.put(key, compiled);
        }
        return compiled.matcher(text).matches();
    }

    private static String regex(String pattern, char escape) throws SQLException {
        StringBuilder regex = new StringBuilder(pattern.length() + 16);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == escape) {
                if (++i == pattern.length()) {
                    throw new SQLException("LIKE pattern must not end with the escape character: " + pattern);
                }
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                // Whole code points, so that a character outside the BMP is one '_'.
                int end = Character.isHighSurrogate(c) && i + 1 < pattern.length() ? i + 2 : i + 1;
                regex.append(Pattern.quote(pattern.substring(i, end)));
                i = end - 1;
            }
        }
        return regex.toString();
    }

    /** One instance per connection: sqlite-jdbc keeps the call's arguments in the function object. */
    private static final class ILike extends Function {
        @Override
        protected void xFunc() throws SQLException {
            String text = value_text(0);
            String pattern = value_text(1);
            String escape = value_text(2);
            if (text == null || pattern == null) {
                result();
                return;
            }
            if (escape == null || escape.length() != 1) {
                throw new SQLException("ESCAPE expression must be a single character");
            }
            result(matchesIgnoringCase(text, pattern, escape.charAt(0)) ? 1 : 0);
        }
    }

    /** Opens connections through the SQLite driver and registers the functions on each. */
    private static final class FunctionDataSource implements DataSource {
        private final String jdbcUrl;
        private final Properties properties;
        private final org.sqlite.JDBC driver = new org.sqlite.JDBC();
        private int loginTimeout;

        FunctionDataSource(String jdbcUrl, Properties properties) {
            this.jdbcUrl = jdbcUrl;
            this.properties = properties;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = driver.connect(jdbcUrl, properties);
            try {
                register(connection);
                return connection;
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection(); // SQLite has no users
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
            loginTimeout = seconds;
        }

        @Override
        public int getLoginTimeout() {
            return loginTimeout;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("no parent logger");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new SQLException("not a wrapper of " + type.getName());
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return type.isInstance(this);
        }
    }
}
