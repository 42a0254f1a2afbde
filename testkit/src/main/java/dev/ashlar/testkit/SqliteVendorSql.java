package dev.ashlar.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SQLite's {@link VendorSql}. Public only for {@link java.util.ServiceLoader}; not API. */
public final class SqliteVendorSql implements VendorSql {
    private static final Pattern CONSTRAINT = Pattern.compile("CONSTRAINT (\\w+) (PRIMARY KEY|UNIQUE|CHECK|FOREIGN KEY)");

    /** For the service loader. */
    public SqliteVendorSql() {
    }

    @Override
    public String dialect() {
        return DatabaseKind.SQLITE.id();
    }

    @Override
    public List<String> overTimeLimit() {
        throw new TestSetupException("SQLite cannot cut a running statement short, as its dialect declares"
                + " (supportsStatementTimeouts): its time limit is the one on lock waits, lockWaitLimit()");
    }

    @Override
    public List<String> lockWaitLimit() {
        return List.of("PRAGMA busy_timeout = 100");
    }

    /** SQLite has one writer at a time: writers wait for the lock (up to the busy timeout) and never deadlock. */
    @Override
    public List<String> quickDeadlockDetection() {
        return List.of();
    }

    @Override
    public String unreachableUrl() {
        return "sqlite:////nonexistent-ashlar-dir/sub/x.db";
    }

    /** Embedded: there is no server, and no session to tell apart. */
    @Override
    public Optional<String> sessionId() {
        return Optional.empty();
    }

    @Override
    public String killSession() {
        throw noSessions();
    }

    @Override
    public String sessionListed() {
        throw noSessions();
    }

    @Override
    public String killOwnSession() {
        throw noSessions();
    }

    private static TestSetupException noSessions() {
        return new TestSetupException("SQLite is embedded: it has no server sessions to end (see sessionId())");
    }

    @Override
    public List<String> sessionSettings() {
        return List.of("PRAGMA foreign_keys", "PRAGMA journal_mode", "PRAGMA busy_timeout", "PRAGMA synchronous");
    }

    /** A plain sqlite-jdbc connection already differs: foreign keys off, rollback journal, no busy timeout. */
    @Override
    public Optional<String> foreignSessionSettings() {
        return Optional.empty();
    }

    /** {@code PRAGMA read_uncommitted} is the one switch: off is SERIALIZABLE. */
    @Override
    public String isolation(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA read_uncommitted")) {
            rs.next();
            return rs.getInt(1) == 0 ? "serializable" : "read uncommitted";
        }
    }

    /** Dates are held as ISO text already. */
    @Override
    public String dateText(String column) {
        return column;
    }

    @Override
    public String dateTimeText(String column) {
        return column;
    }

    @Override
    public String hex(String column) {
        return "hex(" + column + ")";
    }

    @Override
    public String declaredType(String table, String column) {
        return "SELECT type FROM pragma_table_info('" + table + "') WHERE name = '" + column + "'";
    }

    /** From the stored CREATE TABLE text, and the named unique indexes that stand for unique constraints. */
    @Override
    public Map<String, String> constraints(Connection c, String table) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Matcher m = CONSTRAINT.matcher(rs.getString(1));
                while (m.find()) {
                    out.put(m.group(1), m.group(2));
                }
            }
        }
        // an inline UNIQUE would be an unnamed sqlite_autoindex_*
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql LIKE 'CREATE UNIQUE INDEX %'")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.putIfAbsent(rs.getString(1), "UNIQUE");
                }
            }
        }
        return out;
    }

    /** The quoted values of the column's CHECK ("mood" IN (...)) in the stored CREATE TABLE text. */
    @Override
    public List<String> enumValues(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sql FROM sqlite_master WHERE name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String text = rs.getString(1);
                return MariaDbVendorSql.quoted(text.substring(text.indexOf(" IN ")));
            }
        }
    }

    @Override
    public List<String> enumTableByAnotherTool() {
        return List.of("CREATE TABLE lights (id INTEGER PRIMARY KEY, state TEXT NOT NULL CHECK (state IN ('red', 'amber', 'green')),"
                + " note VARCHAR(10), CHECK (note IN ('a', 'b')))");
    }

    @Override
    public List<String> enumWithColumnCheck(String table, List<String> values) {
        return List.of("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, mood VARCHAR(20) CHECK (mood IN ("
                + VendorSql.literals(values) + ")) NOT NULL CHECK (mood <> 'sad'))");
    }

    @Override
    public String timeText(String column) {
        return column;
    }

    @Override
    public String precisionSpellings() {
        return "CREATE TABLE stamps (id BIGINT NOT NULL, whole DATETIME(0), millis TIMESTAMP(3), micros DATETIME,"
                + " clock TIME(0), seen DATETIME(0) DEFAULT CURRENT_TIMESTAMP, CONSTRAINT pk_stamps PRIMARY KEY (id))";
    }

    @Override
    public String otherSpellings() {
        return "CREATE TABLE spelled (id BIGINT NOT NULL, small INT NOT NULL DEFAULT 7,"
                + " price DECIMAL(10,2) DEFAULT 0.5, flag BOOLEAN DEFAULT 1, name NVARCHAR(40) DEFAULT 'it''s',"
                + " at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, CONSTRAINT pk_spelled PRIMARY KEY (id))";
    }

    @Override
    public Optional<String> keyRefusingGivenValues() {
        return Optional.empty();
    }

    @Override
    public TestDatabase chinook() {
        return Chinook.load(DatabaseKind.SQLITE).orElseThrow();
    }

    @Override
    public String chinookName(String snakeName) {
        return Chinook.columnName(DatabaseKind.SQLITE, snakeName);
    }
}
