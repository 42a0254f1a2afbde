package dev.ashlar.migrate;

import dev.ashlar.core.dialect.DdlEffect;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Statement;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One step of a revision, as the migrator runs, journals and prints it.
 *
 * @param description   what the step does, in words ({@code add column items.sku})
 * @param kind          whether it runs SQL, a query-language data statement, or rebuilds a table
 * @param sql           the SQL for the migrator's dialect; for a data step, the compiled SQL with
 *                      placeholders; for a rebuild, a description of it
 * @param statement     a data step's statement, run with bound parameters; null otherwise
 * @param table         the table a rebuild replaces or a column change alters; null otherwise
 * @param column        the column a column change alters; null otherwise
 * @param change        how a rebuild turns the table as the database holds it into the new table
 * @param preflight     what the step checks in the existing rows before the revision runs: null
 *                      when the rows allow the step, else what they break; null for no check
 * @param effect        what the step does to the table while it runs (rewrites it, blocks writes),
 *                      as the dialect judges it
 * @param transactional whether the step may run inside the revision's transaction (PostgreSQL's
 *                      {@code CREATE INDEX CONCURRENTLY} may not)
 * @param canonical     the step as the checksum sees it: independent of SQL spelling, so that a
 *                      newer Ashlar rendering the same change differently does not invalidate
 *                      applied revisions
 * @param losesData     what the step throws away with its data ({@code table items},
 *                      {@code column items.description}), for the upgrade's data-loss refusal; null
 *                      when it keeps every value
 */
public record Step(String description, Kind kind, String sql, Statement statement, String table, String column, UnaryOperator<Table> change,
                   Function<Connection, String> preflight, DdlEffect effect, boolean transactional, String canonical,
                   String losesData) {
    /** What a step does when it runs. */
    public enum Kind {
        /** Runs its SQL. */
        SQL,
        /** Runs a query-language statement with bound parameters. */
        DATA,
        /** Rebuilds a table the database cannot alter in place (SQLite). */
        REBUILD,
        /**
         * Runs its SQL, which changes column {@link #column} of {@link #table}, then what the dialect
         * says the change silently dropped ({@link dev.ashlar.core.dialect.Dialect#restoredAfterAlter}:
         * MariaDB's column-level CHECKs).
         */
        ALTER_COLUMN
    }

    static Step sql(String description, String sql, boolean transactional, String canonical) {
        return new Step(description, Kind.SQL, sql, null, null, null, null, null, null, transactional, canonical, null);
    }

    /** This step with a check of the existing rows (see {@link #preflight}). */
    Step checking(Function<Connection, String> check) {
        return check == null ? this : new Step(description, kind, sql, statement, table, column, change, check, effect, transactional, canonical, losesData);
    }

    /** This step with the dialect's verdict on what it does to the table. */
    Step judged(DdlEffect verdict) {
        return new Step(description, kind, sql, statement, table, column, change, preflight, verdict, transactional, canonical, losesData);
    }

    /** This step, run as a change of {@code column} of {@code table} (see {@link Kind#ALTER_COLUMN}). */
    Step altering(String alteredTable, String alteredColumn) {
        return new Step(description, Kind.ALTER_COLUMN, sql, statement, alteredTable, alteredColumn, change, preflight, effect, transactional,
                canonical, losesData);
    }

    /** This step, marked as throwing away {@code what} (see {@link #losesData}). */
    Step losing(String what) {
        return new Step(description, kind, sql, statement, table, column, change, preflight, effect, transactional, canonical, what);
    }
}
