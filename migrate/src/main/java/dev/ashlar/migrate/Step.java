package dev.ashlar.migrate;

import dev.ashlar.core.sql.Statement;

/**
 * One statement of a revision, as the migrator runs, journals and prints it.
 *
 * @param description what the step does, in words ({@code add column items.sku})
 * @param kind        whether it changes the schema or the data
 * @param sql         the SQL for the migrator's dialect; for a data step built with the query
 *                    language, the compiled SQL with its parameters as placeholders
 * @param statement   the query-language statement of a data step, run with bound parameters; null
 *                    for SQL steps
 * @param transactional whether the step may run inside the revision's transaction (PostgreSQL's
 *                    {@code CREATE INDEX CONCURRENTLY} may not)
 * @param canonical   the step as the checksum sees it: independent of SQL spelling, so that a new
 *                    Ashlar version rendering the same change differently does not invalidate
 *                    applied revisions
 */
public record Step(String description, Kind kind, String sql, Statement statement, boolean transactional, String canonical) {
    /** Whether a step changes the schema or the rows. */
    public enum Kind {
        SCHEMA, DATA
    }
}
