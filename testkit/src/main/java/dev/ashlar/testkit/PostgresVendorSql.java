package dev.ashlar.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** PostgreSQL's {@link VendorSql}. Public only for {@link java.util.ServiceLoader}; not API. */
public final class PostgresVendorSql implements VendorSql {
    /** For the service loader. */
    public PostgresVendorSql() {
    }

    @Override
    public String dialect() {
        return DatabaseKind.POSTGRESQL.id();
    }

    @Override
    public List<String> overTimeLimit() {
        return List.of("SET statement_timeout = 100", "SELECT pg_sleep(5)");
    }

    @Override
    public List<String> lockWaitLimit() {
        return List.of("SET lock_timeout = 100");
    }

    /**
     * PostgreSQL looks for deadlocks only after a lock wait of {@code deadlock_timeout} (1 s): shorter
     * keeps a drill bounded in time without changing what it shows (superuser only, as in the tests).
     */
    @Override
    public List<String> quickDeadlockDetection() {
        return List.of("SET deadlock_timeout = '20ms'");
    }

    @Override
    public String unreachableUrl() {
        return "postgresql://postgres@127.0.0.1:1/x";
    }

    @Override
    public Optional<String> sessionId() {
        return Optional.of("SELECT pg_backend_pid()");
    }

    @Override
    public String killSession() {
        return "SELECT pg_terminate_backend(CAST(? AS INTEGER))";
    }

    @Override
    public String sessionListed() {
        return "SELECT count(*) FROM pg_stat_activity WHERE pid = CAST(? AS INTEGER)";
    }

    @Override
    public String killOwnSession() {
        return "SELECT pg_terminate_backend(pg_backend_pid())";
    }

    @Override
    public List<String> sessionSettings() {
        return List.of("SHOW TimeZone");
    }

    @Override
    public Optional<String> foreignSessionSettings() {
        return Optional.of("SET TIME ZONE 'America/New_York'");
    }

    @Override
    public String isolation(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW transaction_isolation")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public String dateText(String column) {
        return "to_char(" + column + ", 'YYYY-MM-DD')";
    }

    @Override
    public String dateTimeText(String column) {
        return "to_char(" + column + ", 'YYYY-MM-DD HH24:MI:SS.US')";
    }

    @Override
    public String hex(String column) {
        return "encode(convert_to(" + column + ", 'UTF8'), 'hex')";
    }

    @Override
    public String declaredType(String table, String column) {
        return "SELECT data_type || '(' || character_maximum_length || ')' FROM information_schema.columns"
                + " WHERE table_name = '" + table + "' AND column_name = '" + column + "'";
    }

    @Override
    public String currentSchema() {
        return "current_schema()";
    }

    /** The labels of the column's enum type, in their order. */
    @Override
    public List<String> enumValues(Connection c, String table, String column) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT e.enumlabel FROM pg_attribute a JOIN pg_enum e ON e.enumtypid = a.atttypid"
                + " WHERE a.attrelid = to_regclass(?) AND a.attname = ? ORDER BY e.enumsortorder")) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    @Override
    public List<String> enumTableByAnotherTool() {
        return List.of("CREATE TYPE \"Traffic Light\" AS ENUM ('red', 'amber', 'green')",
                "CREATE TABLE lights (id INT PRIMARY KEY, state \"Traffic Light\" NOT NULL, note VARCHAR(10) CHECK (note IN ('a', 'b')))");
    }

    @Override
    public List<String> enumWithColumnCheck(String table, List<String> values) {
        return List.of("CREATE TYPE mood AS ENUM (" + VendorSql.literals(values) + ")",
                "CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, mood mood NOT NULL CHECK (mood <> 'sad'))");
    }

    @Override
    public String timeText(String column) {
        return "to_char(" + column + ", 'HH24:MI:SS.US')";
    }

    @Override
    public String precisionSpellings() {
        return "CREATE TABLE stamps (id int8 NOT NULL, whole timestamp(0) without time zone, millis timestamp(3),"
                + " micros timestamp, clock time(0), seen timestamp(0) DEFAULT now(), CONSTRAINT pk_stamps PRIMARY KEY (id))";
    }

    @Override
    public String otherSpellings() {
        return "CREATE TABLE spelled (id int8 NOT NULL, small int4 NOT NULL DEFAULT '7'::integer,"
                + " price decimal(10,2) DEFAULT 0.5, flag boolean DEFAULT 't', name character varying(40) DEFAULT 'it''s',"
                + " at timestamp DEFAULT now(), CONSTRAINT pk_spelled PRIMARY KEY (id))";
    }

    @Override
    public Optional<String> keyRefusingGivenValues() {
        return Optional.of("CREATE TABLE keyed (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, seq INTEGER NOT NULL UNIQUE,"
                + " name VARCHAR(40))");
    }

    @Override
    public TestDatabase chinook() {
        return Chinook.load(DatabaseKind.POSTGRESQL).orElseThrow(() -> new TestSetupException(
                "Chinook could not be loaded on PostgreSQL; see the log for the server's error"));
    }

    @Override
    public String chinookName(String snakeName) {
        return Chinook.columnName(DatabaseKind.POSTGRESQL, snakeName);
    }
}
