package dev.ashlar.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MariaDB's {@link VendorSql}. Public only for {@link java.util.ServiceLoader}; not API. */
public final class MariaDbVendorSql implements VendorSql {
    private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'");

    /** For the service loader. */
    public MariaDbVendorSql() {
    }

    @Override
    public String dialect() {
        return DatabaseKind.MARIADB.id();
    }

    /** SLEEP() and BENCHMARK() are merely cut short by max_statement_time; a real scan is aborted with error 1969. */
    @Override
    public List<String> overTimeLimit() {
        return List.of("SET STATEMENT max_statement_time = 0.2 FOR "
                + "SELECT count(*) FROM seq_1_to_100000 a, seq_1_to_100000 b WHERE a.seq + b.seq = 3");
    }

    /** {@code innodb_lock_wait_timeout} counts whole seconds. */
    @Override
    public List<String> lockWaitLimit() {
        return List.of("SET SESSION innodb_lock_wait_timeout = 1");
    }

    /** InnoDB finds a deadlock when it happens. */
    @Override
    public List<String> quickDeadlockDetection() {
        return List.of();
    }

    @Override
    public String unreachableUrl() {
        return "mariadb://root@127.0.0.1:1/x";
    }

    @Override
    public Optional<String> sessionId() {
        return Optional.of("SELECT CONNECTION_ID()");
    }

    @Override
    public String killSession() {
        return "KILL CONNECTION ?";
    }

    @Override
    public String sessionListed() {
        return "SELECT count(*) FROM information_schema.processlist WHERE id = ?";
    }

    @Override
    public String killOwnSession() {
        return "KILL CONNECTION CONNECTION_ID()";
    }

    @Override
    public List<String> sessionSettings() {
        return List.of("SELECT @@SESSION.sql_mode", "SELECT @@SESSION.time_zone");
    }

    @Override
    public Optional<String> foreignSessionSettings() {
        return Optional.of("SET SESSION sql_mode = '', time_zone = '-05:00'");
    }

    /** {@code @@tx_isolation} reads {@code REPEATABLE-READ}. */
    @Override
    public String isolation(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT @@tx_isolation")) {
            rs.next();
            return rs.getString(1).replace('-', ' ').toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public String dateText(String column) {
        return "DATE_FORMAT(" + column + ", '%Y-%m-%d')";
    }

    @Override
    public String dateTimeText(String column) {
        return "DATE_FORMAT(" + column + ", '%Y-%m-%d %H:%i:%s.%f')";
    }

    @Override
    public String hex(String column) {
        return "HEX(" + column + ")";
    }

    @Override
    public String declaredType(String table, String column) {
        return "SELECT column_type FROM information_schema.columns"
                + " WHERE table_name = '" + table + "' AND column_name = '" + column + "' AND table_schema = DATABASE()";
    }

    @Override
    public String currentSchema() {
        return "DATABASE()";
    }

    /** The values of the column type, {@code enum('happy',...)}. */
    @Override
    public List<String> enumValues(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT column_type FROM information_schema.columns WHERE table_schema = DATABASE()"
                + " AND table_name = ? AND column_name = ?")) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? quoted(rs.getString(1)) : List.of();
            }
        }
    }

    /** The SQL string literals in {@code text}, in order, with doubled quotes undone. */
    static List<String> quoted(String text) {
        List<String> values = new ArrayList<>();
        Matcher m = QUOTED.matcher(text);
        while (m.find()) {
            values.add(m.group(1).replace("''", "'"));
        }
        return values;
    }

    @Override
    public List<String> enumTableByAnotherTool() {
        return List.of("CREATE TABLE lights (id INT PRIMARY KEY, state ENUM('red', 'amber', 'green') NOT NULL,"
                + " note VARCHAR(10) CHECK (note IN ('a', 'b')))");
    }

    @Override
    public List<String> enumWithColumnCheck(String table, List<String> values) {
        return List.of("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, mood ENUM(" + VendorSql.literals(values)
                + ") NOT NULL CHECK (mood <> 'sad'))");
    }

    @Override
    public String timeText(String column) {
        return "TIME_FORMAT(" + column + ", '%H:%i:%s.%f')";
    }

    @Override
    public String precisionSpellings() {
        return "CREATE TABLE stamps (id BIGINT NOT NULL, whole DATETIME, millis DATETIME(3), micros DATETIME(6),"
                + " clock TIME, seen DATETIME DEFAULT CURRENT_TIMESTAMP, CONSTRAINT pk_stamps PRIMARY KEY (id))";
    }

    @Override
    public String otherSpellings() {
        return "CREATE TABLE spelled (id BIGINT(20) NOT NULL, small INT(11) NOT NULL DEFAULT '7',"
                + " price NUMERIC(10,2) DEFAULT 0.5, flag BOOLEAN DEFAULT TRUE, name VARCHAR(40) DEFAULT 'it''s',"
                + " at DATETIME(6) DEFAULT current_timestamp(6), CONSTRAINT pk_spelled PRIMARY KEY (id))";
    }

    @Override
    public Optional<String> keyRefusingGivenValues() {
        return Optional.empty();
    }

    @Override
    public TestDatabase chinook() {
        return Chinook.load(DatabaseKind.MARIADB).orElseThrow(() -> new TestSetupException(
                "Chinook could not be loaded on MariaDB; see the log for the server's error"));
    }

    @Override
    public String chinookName(String snakeName) {
        return Chinook.columnName(DatabaseKind.MARIADB, snakeName);
    }
}
