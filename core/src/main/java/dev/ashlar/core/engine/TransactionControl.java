package dev.ashlar.core.engine;

import dev.ashlar.core.error.DatabaseException;
import dev.ashlar.core.error.UsageException;

/**
 * The transaction state of one {@link Connection}: the innermost open {@link Transaction}, the
 * savepoints nested in it, and the isolation level to restore when the outermost one ends. Kept
 * apart from statement running because its rules (innermost first, no isolation change inside) are
 * its own; every statement it sends still goes through the {@link StatementRunner}, named as sent
 * ({@code SAVEPOINT ashlar_sp_1}, not {@code BEGIN}) in logs, events and errors.
 *
 * <p>A released savepoint's {@code RELEASE SAVEPOINT} waits for the next statement that needs it
 * gone: the next {@code SAVEPOINT} takes it along in the same round trip, and a {@code COMMIT},
 * {@code ROLLBACK} or {@code ROLLBACK TO} an enclosing savepoint makes it needless, since those end
 * every savepoint set after the one they name, on every database Ashlar supports. A session that
 * flushes every 1,000 objects in one transaction so pays one round trip per flush for its savepoint,
 * not two (bench/NOTES.md, twenty-first round). What was released is released for every purpose but
 * the server's bookkeeping: it cannot be rolled back to, and the enclosing transaction keeps its work.
 */
final class TransactionControl {
    private final StatementRunner runner;
    private Transaction current;
    private Integer isolationToRestore;
    private int savepoints;
    /** The savepoint released last whose {@code RELEASE SAVEPOINT} is not yet sent, or {@code null}; always set after {@link #current}. */
    private String releaseToSend;
    /** Whether the connection was borrowed inside a transaction that a framework manages: Ashlar's ones are savepoints in it. */
    private boolean managed;

    TransactionControl(StatementRunner runner) {
        this.runner = runner;
    }

    /** Joins the managed transaction the connection was borrowed in: it is open until the connection is closed, and never ended here. */
    void joinManaged() {
        managed = true;
    }

    /** Starts a transaction at {@code isolation} (or the default when null), or a savepoint inside an open one. */
    Transaction begin(IsolationLevel isolation) {
        java.sql.Connection jdbc = runner.jdbc();
        if (inTransaction()) {
            if (isolation != null) {
                throw new UsageException("cannot change the isolation level inside a transaction; "
                        + "commit or roll back first, then begin(isolation)");
            }
            String name = "ashlar_sp_" + (++savepoints);
            String sql = "SAVEPOINT " + name;
            if (releaseToSend == null) {
                runner.control(StatementKind.SAVEPOINT, sql, () -> execute(sql));
            } else {
                // Unreleased savepoints would nest one level per flush (PostgreSQL slows past 64), so the
                // release goes now, in the same round trip as the new savepoint.
                String release = "RELEASE SAVEPOINT " + releaseToSend;
                releaseToSend = null;
                runner.controls(StatementKind.RELEASE_SAVEPOINT, release, StatementKind.SAVEPOINT, sql, () -> executeTogether(release, sql));
            }
            current = new Transaction(this, current, name);
            return current;
        }
        String sql = isolation == null ? "BEGIN" : "BEGIN (isolation " + isolation + ")";
        runner.control(StatementKind.BEGIN, sql, () -> {
            if (isolation != null) {
                isolationToRestore = jdbc.getTransactionIsolation();
                jdbc.setTransactionIsolation(isolation.jdbcLevel());
            }
            jdbc.setAutoCommit(false);
            return null;
        });
        current = new Transaction(this, null, null);
        return current;
    }

    private Void execute(String sql) throws java.sql.SQLException {
        try (java.sql.Statement s = runner.jdbc().createStatement()) {
            s.execute(sql);
        }
        return null;
    }

    private Void executeTogether(String first, String second) throws java.sql.SQLException {
        try (java.sql.Statement s = runner.jdbc().createStatement()) {
            s.addBatch(first);
            s.addBatch(second);
            s.executeBatch();
        } catch (java.sql.BatchUpdateException e) {
            // The batch's own wrapper says only which statement failed; the database's error is its cause.
            throw e.getNextException() != null ? e.getNextException() : e;
        }
        return null;
    }

    boolean inTransaction() {
        return managed || ownInTransaction();
    }

    private boolean ownInTransaction() {
        return current != null && current.isActive();
    }

    /**
     * Commits or rolls back {@code tx}, which must be the innermost open one; called by the transaction
     * itself. On a connection that broke, a rollback sends nothing and succeeds (the database already
     * discarded the work with the connection, and the failure that broke it was raised), while a
     * commit fails with that failure: its work is lost.
     */
    void end(Transaction tx, boolean commit) {
        if (tx != current) {
            throw new UsageException("close nested transactions before the transaction that contains them");
        }
        java.sql.Connection jdbc = runner.jdbc();
        try {
            if (runner.broken() != null) {
                if (commit) {
                    java.sql.SQLException cause = (java.sql.SQLException) runner.broken().getCause();
                    throw new dev.ashlar.core.error.ConnectionException(new java.sql.SQLException(
                            "the connection broke earlier in this transaction, so its work was lost and nothing was committed: "
                                    + cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause),
                            tx.isNested() ? "RELEASE SAVEPOINT " + tx.savepoint() : "COMMIT", java.util.List.of());
                }
                releaseToSend = null;
                return;
            }
            if (tx.isNested() && commit) {
                // Releasing a savepoint releases the ones set after it, so this one release covers a waiting one.
                releaseToSend = tx.savepoint();
            } else if (tx.isNested()) {
                releaseToSend = null; // ROLLBACK TO ends the savepoints set after the one it names
                String sql = "ROLLBACK TO SAVEPOINT " + tx.savepoint();
                runner.control(StatementKind.ROLLBACK_TO_SAVEPOINT, sql, () -> execute(sql));
            } else {
                releaseToSend = null; // COMMIT and ROLLBACK end every savepoint
                runner.control(commit ? StatementKind.COMMIT : StatementKind.ROLLBACK, commit ? "COMMIT" : "ROLLBACK", () -> {
                    try {
                        if (commit) {
                            jdbc.commit();
                        } else {
                            jdbc.rollback();
                        }
                    } finally {
                        restoreAutoCommit(jdbc);
                    }
                    return null;
                });
            }
        } finally {
            current = tx.parent();
        }
    }

    private void restoreAutoCommit(java.sql.Connection jdbc) throws java.sql.SQLException {
        jdbc.setAutoCommit(true);
        if (isolationToRestore != null) {
            Integer level = isolationToRestore;
            isolationToRestore = null;
            jdbc.setTransactionIsolation(level);
        }
    }

    /**
     * Rolls back every open transaction, innermost first, as a connection going back to the pool must.
     * In a framework's transaction, which stays open, a waiting release is sent: the framework's
     * later savepoints would otherwise nest inside Ashlar's.
     */
    void rollbackAll() {
        while (ownInTransaction()) {
            current.rollback();
        }
        if (releaseToSend != null && runner.broken() == null) {
            String sql = "RELEASE SAVEPOINT " + releaseToSend;
            releaseToSend = null;
            try {
                runner.control(StatementKind.RELEASE_SAVEPOINT, sql, () -> execute(sql));
            } catch (DatabaseException e) {
                // Only a transaction that can take no statement refuses it: PostgreSQL's, after a statement
                // failed in it. That failure was raised where it happened, and the transaction is the
                // framework's to roll back, which ends the savepoint too; closing stays quiet, as it was
                // when the release went at once. The listeners saw the refusal.
            }
        }
    }
}
