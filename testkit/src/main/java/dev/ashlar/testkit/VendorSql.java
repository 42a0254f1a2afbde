package dev.ashlar.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * How tests set up and inspect one kind of database where each vendor spells the SQL its own way:
 * time limits, session ids and settings, catalog queries that check what the database holds, data
 * sets such as Chinook. This is provisioning, never expectation: what a database does comes from its
 * dialect's declared capabilities. It is the compliance suite's one door to vendor SQL (tests never
 * branch on which database they run on; a test in {@code cli} enforces it).
 *
 * <p>One implementation per dialect, found with {@link ServiceLoader} by {@link #dialect()}, the
 * dialect's name (the scheme of the test database's URL): testkit registers Ashlar's three, and a
 * third-party dialect registers its own in {@code META-INF/services/dev.ashlar.testkit.VendorSql}.
 * Every method but {@link #dialect()} fails by default with a {@link TestSetupException} naming the
 * method to implement, so a test that needs setup the implementation lacks fails, saying so, rather
 * than skipping or passing.
 */
public interface VendorSql {
    /** The name of the dialect this SQL is for: the scheme of its databases' URLs, such as {@code sqlite}. */
    String dialect();

    /** The vendor SQL of {@code db}'s dialect ({@link TestDatabase#vendor()}). */
    static VendorSql of(TestDatabase db) {
        return of(db.name());
    }

    /**
     * The registered vendor SQL of the dialect {@code dialect}, or, when none is registered, one whose
     * every method fails with a message naming the method and how to register an implementation.
     */
    static VendorSql of(String dialect) {
        return VendorSqlRegistry.BY_DIALECT.computeIfAbsent(dialect, name -> {
            for (VendorSql sql : ServiceLoader.load(VendorSql.class, VendorSql.class.getClassLoader())) {
                if (sql.dialect().equals(name)) {
                    return sql;
                }
            }
            return () -> name;
        });
    }

    /**
     * The failure of a method that this dialect's vendor SQL does not implement: names the database,
     * the method and where to add it.
     */
    default TestSetupException missing(String method) {
        return new TestSetupException("the test needs set-up SQL that the " + dialect() + " database has none of: implement VendorSql."
                + method + " in the dev.ashlar.testkit.VendorSql whose dialect() is \"" + dialect() + "\", registered in"
                + " META-INF/services/dev.ashlar.testkit.VendorSql (see DEVELOPERS.md, \"Running the compliance suite for a new dialect\")");
    }

    // ---- time limits ------------------------------------------------------------------------------

    /**
     * Statements that set a time limit of about 100 ms on the session and then run a statement that
     * outlasts it: the last one must fail with a timeout. Asked only where the dialect declares
     * statement timeouts ({@code Dialect.supportsStatementTimeouts()}).
     */
    default List<String> overTimeLimit() {
        throw missing("overTimeLimit()");
    }

    /**
     * Statements that limit how long this session waits for a lock another connection holds, to
     * between about 100 ms and 1 s. A statement that waits longer must fail with a timeout.
     */
    default List<String> lockWaitLimit() {
        throw missing("lockWaitLimit()");
    }

    /** Statements that make this session notice a deadlock quickly, for drills that provoke many; empty when it already does. */
    default List<String> quickDeadlockDetection() {
        throw missing("quickDeadlockDetection()");
    }

    // ---- URLs and sessions ------------------------------------------------------------------------

    /** An Ashlar URL of this dialect where nothing answers: a closed port, or a folder that does not exist. */
    default String unreachableUrl() {
        throw missing("unreachableUrl()");
    }

    /**
     * A query of one row and column: the server's id of the session that runs it. Empty for an
     * embedded database, which has no sessions to tell apart.
     */
    default Optional<String> sessionId() {
        throw missing("sessionId()");
    }

    /** A statement with one parameter, a {@link #sessionId()}, that ends that session from another one. */
    default String killSession() {
        throw missing("killSession()");
    }

    /** A query with one parameter, a {@link #sessionId()}: the number of sessions with that id the server still lists. */
    default String sessionListed() {
        throw missing("sessionListed()");
    }

    /** A statement that ends the session that runs it. */
    default String killOwnSession() {
        throw missing("killOwnSession()");
    }

    /**
     * Queries of one row and column whose answers are the session settings the dialect sets up on its
     * connections ({@code Dialect.configurePool} and {@code prepareBorrowedConnection}): a connection
     * that Ashlar set up answers them alike, whether it came from Ashlar's pool or another.
     */
    default List<String> sessionSettings() {
        throw missing("sessionSettings()");
    }

    /**
     * A statement that gives a session settings other than those of {@link #sessionSettings()}, as a
     * connection of someone else's pool may have; empty where a plain JDBC connection already differs.
     */
    default Optional<String> foreignSessionSettings() {
        throw missing("foreignSessionSettings()");
    }

    /**
     * The isolation level of the current transaction (or of the next one, outside a transaction) of
     * {@code c}, in the SQL standard's words in lower case: {@code read committed}, {@code serializable}, ...
     */
    default String isolation(Connection c) throws SQLException {
        throw missing("isolation(Connection)");
    }

    // ---- what the database holds ------------------------------------------------------------------

    /** An expression giving a DATE column's value as text, {@code YYYY-MM-DD}, as the database holds it. */
    default String dateText(String column) {
        throw missing("dateText(String)");
    }

    /** An expression giving a date-time column's value as text, {@code YYYY-MM-DD HH:MM:SS.ffffff}, as the database holds it. */
    default String dateTimeText(String column) {
        throw missing("dateTimeText(String)");
    }

    /** An expression giving the bytes of a text column's value in UTF-8, as hexadecimal digits (either case). */
    default String hex(String column) {
        throw missing("hex(String)");
    }

    /** An expression giving a TIME column's value as text, {@code HH:MM:SS.ffffff}, as the database holds it. */
    default String timeText(String column) {
        throw missing("timeText(String)");
    }

    /** A query of one row and column: the type the catalog declares for {@code table.column}, for example {@code char(5)}. */
    default String declaredType(String table, String column) {
        throw missing("declaredType(String, String)");
    }

    /**
     * The constraints of {@code table} as the database's own catalog lists them, name to type
     * ({@code PRIMARY KEY}, {@code UNIQUE}, {@code CHECK}, {@code FOREIGN KEY}). By default from
     * {@code information_schema.table_constraints} of the {@link #currentSchema()}.
     */
    default Map<String, String> constraints(Connection c, String table) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT constraint_name, constraint_type FROM information_schema.table_constraints"
                + " WHERE table_schema = " + currentSchema() + " AND table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** An expression for the schema that unqualified table names belong to, as {@code information_schema} names it. */
    default String currentSchema() {
        throw missing("currentSchema()");
    }

    /** The values the database itself keeps for the enum of {@code table.column}, in order, read from its catalog. */
    default List<String> enumValues(Connection c, String table, String column) throws SQLException {
        throw missing("enumValues(Connection, String, String)");
    }

    // ---- tables as other tools write them ---------------------------------------------------------

    /**
     * Statements that create, as another tool would, the table {@code lights (id INTEGER PRIMARY KEY,
     * state NOT NULL, note VARCHAR(10))} with {@code state} a database enum of {@code red}, {@code amber},
     * {@code green} in this database's own way (a named type, an ENUM column, or a CHECK of the column),
     * and a CHECK {@code note IN ('a', 'b')} that is no enum.
     */
    default List<String> enumTableByAnotherTool() {
        throw missing("enumTableByAnotherTool()");
    }

    /**
     * A CREATE TABLE that another tool might write for the table {@code spelled}: {@code id} BIGINT
     * NOT NULL, {@code small} INTEGER NOT NULL DEFAULT 7, {@code price} NUMERIC(10,2) DEFAULT 0.50,
     * {@code flag} BOOLEAN DEFAULT TRUE, {@code name} VARCHAR(40) DEFAULT 'it''s', {@code at} a
     * date-time DEFAULT the current timestamp, {@code CONSTRAINT pk_spelled PRIMARY KEY (id)}: each
     * with a spelling of the type or default that differs from the one Ashlar writes.
     */
    default String otherSpellings() {
        throw missing("otherSpellings()");
    }

    /**
     * A CREATE TABLE for {@code stamps}: {@code id} BIGINT NOT NULL key {@code pk_stamps}, date-times
     * {@code whole} (precision 0), {@code millis} (3), {@code micros} (6), {@code clock} a TIME of
     * precision 0 and {@code seen} a date-time of precision 0 defaulting to the current timestamp, each
     * written with the database's own spelling of that precision where it has a shorter one (MariaDB's
     * plain {@code DATETIME} is precision 0, PostgreSQL's plain {@code timestamp} is 6).
     */
    default String precisionSpellings() {
        throw missing("precisionSpellings()");
    }

    /**
     * A CREATE TABLE for {@code keyed (id BIGINT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, name
     * VARCHAR(40))} whose {@code id} the database always generates and refuses given values for;
     * empty for a database without such columns.
     */
    default Optional<String> keyRefusingGivenValues() {
        throw missing("keyRefusingGivenValues()");
    }

    // ---- shared data ------------------------------------------------------------------------------

    /** The Chinook sample database on this database's server (see {@link Chinook}), loaded once per JVM. */
    default TestDatabase chinook() {
        throw missing("chinook()");
    }

    /** The name of a Chinook table or column in {@link #chinook()}: {@code invoice_line} may be {@code InvoiceLine}. */
    default String chinookName(String snakeName) {
        throw missing("chinookName(String)");
    }

    /**
     * Statements that create table {@code table} ({@code id} key, {@code mood}) where {@code mood} is
     * a database enum of {@code values} as each vendor writes one by hand (a PostgreSQL type
     * {@code mood}, MariaDB's ENUM, SQLite's CHECK ... IN), with a second CHECK,
     * {@code mood <> 'sad'}, inside the column's own definition.
     */
    default List<String> enumWithColumnCheck(String table, List<String> values) {
        throw missing("enumWithColumnCheck(String, List)");
    }

    /** {@code values} as a list of SQL string literals: {@code 'a', 'it''s'}. */
    static String literals(List<String> values) {
        return values.stream().map(v -> "'" + v.replace("'", "''") + "'").collect(java.util.stream.Collectors.joining(", "));
    }
}
