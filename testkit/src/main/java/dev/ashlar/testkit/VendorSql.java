package dev.ashlar.testkit;

import java.util.List;

/**
 * SQL that tests need for setting up or inspecting a database where each vendor spells it its own
 * way and no dialect capability applies (a time limit, a catalog query). It is the one place in the
 * tests that branches on {@link DatabaseKind}; expectations come from the dialect, never from here.
 * A third-party database has no vendor SQL here, so a test that needs it fails with a message
 * saying so.
 */
public final class VendorSql {
    private final DatabaseKind kind;

    private VendorSql(DatabaseKind kind) {
        this.kind = kind;
    }

    /** The vendor SQL of this database. */
    public static VendorSql of(TestDatabase db) {
        return new VendorSql(db.kind());
    }

    /**
     * Statements that set a time limit of about 100 ms on the session and then run a statement that
     * outlasts it: the last one must fail with a timeout. For a database whose dialect declares
     * statement timeouts; SQLite's declares none, so there is nothing to run there.
     */
    public List<String> overTimeLimit() {
        return switch (kind) {
            case SQLITE -> throw new TestSetupException("SQLite cannot cut a running statement short, as its dialect declares"
                    + " (supportsStatementTimeouts): its time limit is the one on lock waits, lockWaitLimit()");
            case POSTGRESQL -> List.of("SET statement_timeout = 100", "SELECT pg_sleep(5)");
            // SLEEP() and BENCHMARK() are merely cut short by max_statement_time; a real scan is aborted with error 1969
            case MARIADB -> List.of("SET STATEMENT max_statement_time = 0.2 FOR "
                    + "SELECT count(*) FROM seq_1_to_100000 a, seq_1_to_100000 b WHERE a.seq + b.seq = 3");
        };
    }

    /**
     * Statements that limit how long this session waits for a lock another connection holds: about
     * 100 ms (SQLite's busy timeout, PostgreSQL's {@code lock_timeout}), 1 s on MariaDB, whose
     * {@code innodb_lock_wait_timeout} counts whole seconds. A statement that waits longer must fail
     * with a timeout.
     */
    public List<String> lockWaitLimit() {
        return switch (kind) {
            case SQLITE -> List.of("PRAGMA busy_timeout = 100");
            case POSTGRESQL -> List.of("SET lock_timeout = 100");
            case MARIADB -> List.of("SET SESSION innodb_lock_wait_timeout = 1");
        };
    }

    /** An Ashlar URL of this database's kind where nothing answers: a closed port, or a folder that does not exist. */
    public String unreachableUrl() {
        return switch (kind) {
            case SQLITE -> "sqlite:////nonexistent-ashlar-dir/sub/x.db";
            case POSTGRESQL -> "postgresql://postgres@127.0.0.1:1/x";
            case MARIADB -> "mariadb://root@127.0.0.1:1/x";
        };
    }

    /** An expression giving a DATE column's value as text, {@code YYYY-MM-DD}, as the database holds it. */
    public String dateText(String column) {
        return switch (kind) {
            case SQLITE -> column;
            case POSTGRESQL -> "to_char(" + column + ", 'YYYY-MM-DD')";
            case MARIADB -> "DATE_FORMAT(" + column + ", '%Y-%m-%d')";
        };
    }

    /** An expression giving a date-time column's value as text, {@code YYYY-MM-DD HH:MM:SS.ffffff}, as the database holds it. */
    public String dateTimeText(String column) {
        return switch (kind) {
            case SQLITE -> column;
            case POSTGRESQL -> "to_char(" + column + ", 'YYYY-MM-DD HH24:MI:SS.US')";
            case MARIADB -> "DATE_FORMAT(" + column + ", '%Y-%m-%d %H:%i:%s.%f')";
        };
    }

    /** An expression giving a TIME column's value as text, {@code HH:MM:SS.ffffff}, as the database holds it. */
    public String timeText(String column) {
        return switch (kind) {
            case SQLITE -> column;
            case POSTGRESQL -> "to_char(" + column + ", 'HH24:MI:SS.US')";
            case MARIADB -> "TIME_FORMAT(" + column + ", '%H:%i:%s.%f')";
        };
    }

    /** A query of one row and column: the type the catalog declares for {@code table.column}, for example {@code char(5)}. */
    public String declaredType(String table, String column) {
        return switch (kind) {
            case SQLITE -> "SELECT type FROM pragma_table_info('" + table + "') WHERE name = '" + column + "'";
            case POSTGRESQL -> "SELECT data_type || '(' || character_maximum_length || ')' FROM information_schema.columns"
                    + " WHERE table_name = '" + table + "' AND column_name = '" + column + "'";
            case MARIADB -> "SELECT column_type FROM information_schema.columns"
                    + " WHERE table_name = '" + table + "' AND column_name = '" + column + "' AND table_schema = DATABASE()";
        };
    }
}
