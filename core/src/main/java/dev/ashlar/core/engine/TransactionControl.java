package dev.ashlar.core.engine;

import dev.ashlar.core.error.AshlarException;
import java.sql.SQLException;
import java.util.List;

/**
 * The transaction state of one {@link Connection}: the innermost open {@link Transaction}, the
 * savepoints nested in it, and the isolation level to restore when the outermost one ends. Kept
 * apart from statement running because it drives the JDBC connection's autocommit and isolation
 * directly, and its rules (innermost first, no isolation change inside) are its own.
 */
final class TransactionControl {
    private final StatementRunner runner;
    private Transaction current;
    private Integer isolationToRestore;
    private int savepoints;
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
        Echo echo = runner.echo();
        try {
            if (inTransaction()) {
                if (isolation != null) {
                    throw new AshlarException("cannot change the isolation level inside a transaction");
                }
                String name = "ashlar_sp_" + (++savepoints);
                String sql = "SAVEPOINT " + name;
                try (java.sql.Statement s = jdbc.createStatement()) {
                    s.execute(sql);
                }
                if (echo.on()) {
                    echo.control(sql);
                }
                current = new Transaction(this, current, name);
                return current;
            }
            if (isolation != null) {
                isolationToRestore = jdbc.getTransactionIsolation();
                jdbc.setTransactionIsolation(isolation.jdbcLevel());
            }
            jdbc.setAutoCommit(false);
            if (echo.on()) {
                echo.control(isolation == null ? "BEGIN" : "BEGIN (isolation " + isolation + ")");
            }
            current = new Transaction(this, null, null);
            return current;
        } catch (SQLException e) {
            throw runner.translate(e, "BEGIN", List.of());
        }
    }

    boolean inTransaction() {
        return managed || ownInTransaction();
    }

    private boolean ownInTransaction() {
        return current != null && current.isActive();
    }

    /** Commits or rolls back {@code tx}, which must be the innermost open one; called by the transaction itself. */
    void end(Transaction tx, boolean commit) {
        if (tx != current) {
            throw new AshlarException("close nested transactions before the transaction that contains them");
        }
        java.sql.Connection jdbc = runner.jdbc();
        String sql = null;
        try {
            if (tx.isNested()) {
                sql = (commit ? "RELEASE SAVEPOINT " : "ROLLBACK TO SAVEPOINT ") + tx.savepoint();
                try (java.sql.Statement s = jdbc.createStatement()) {
                    s.execute(sql);
                }
            } else {
                sql = commit ? "COMMIT" : "ROLLBACK";
                try {
                    if (commit) {
                        jdbc.commit();
                    } else {
                        jdbc.rollback();
                    }
                } finally {
                    jdbc.setAutoCommit(true);
                    if (isolationToRestore != null) {
                        jdbc.setTransactionIsolation(isolationToRestore);
                        isolationToRestore = null;
                    }
                }
            }
            if (runner.echo().on()) {
                runner.echo().control(sql);
            }
        } catch (SQLException e) {
            throw runner.translate(e, sql, List.of());
        } finally {
            current = tx.parent();
        }
    }

    /** Rolls back every open transaction, innermost first, as a connection going back to the pool must. */
    void rollbackAll() {
        while (ownInTransaction()) {
            current.rollback();
        }
    }
}
