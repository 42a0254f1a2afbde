package dev.ashlar.core.engine;

import dev.ashlar.core.dialect.CompiledSql;
import dev.ashlar.core.error.UsageException;
import dev.ashlar.core.sql.Expression;
import java.sql.SQLException;
import java.util.List;

/**
 * Queries read through a cursor, a fetch size at a time. Separate from plain queries because of
 * one database rule: PostgreSQL only streams inside a transaction, so when none is open a cursor
 * opens an implicit one for its lifetime, shared by all cursors open at once and committed when the
 * last of them closes. While it is open, an explicit {@code begin()} is refused, since it would
 * silently join a transaction the caller did not start.
 */
final class Cursors {
    private final StatementRunner runner;
    private final TransactionControl transactions;
    /** Open cursors holding the implicit transaction; 0 when none. */
    private int implicitHolders;

    Cursors(StatementRunner runner, TransactionControl transactions) {
        this.runner = runner;
        this.transactions = transactions;
    }

    /** Opens {@code compiled} as a cursor fetching {@code fetchSize} (positive) rows per round trip. */
    Result open(dev.ashlar.core.sql.SqlNode source, CompiledSql compiled, List<? extends Expression<?>> columns, int fetchSize) {
        boolean implicit = runner.dialect().cursorsNeedTransaction() && !transactions.inTransaction();
        if (implicit) {
            beginImplicit();
        }
        try {
            Result result = runner.query(source, compiled, columns, fetchSize);
            if (implicit) {
                result.afterClose(this::endImplicit);
            }
            return result;
        } catch (RuntimeException e) {
            if (implicit) {
                endImplicit();
            }
            throw e;
        }
    }

    /** Whether a cursor's implicit transaction is open, in which statements already run without autocommit. */
    boolean inImplicitTransaction() {
        return implicitHolders > 0;
    }

    /** Refuses an explicit transaction while a cursor's implicit one is open. */
    void checkNoImplicitTransaction() {
        if (implicitHolders > 0) {
            throw new UsageException("a cursor is open in an implicit transaction; close it first, or begin() before opening it");
        }
    }

    private void beginImplicit() {
        runner.control(StatementKind.BEGIN, "BEGIN -- for a cursor", () -> {
            runner.jdbc().setAutoCommit(false);
            return null;
        });
        implicitHolders++;
    }

    private void endImplicit() {
        if (--implicitHolders > 0) {
            return;
        }
        java.sql.Connection jdbc = runner.jdbc();
        if (runner.broken() != null) {
            return; // the database ended the transaction with the connection; the failure was raised already
        }
        // The cursor only read, but statements run meanwhile would have committed in autocommit.
        runner.control(StatementKind.COMMIT, "COMMIT -- after a cursor", () -> {
            try {
                jdbc.commit();
            } catch (SQLException e) {
                jdbc.rollback();
            } finally {
                jdbc.setAutoCommit(true);
            }
            return null;
        });
    }
}
