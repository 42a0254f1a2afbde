/**
 * Ashlar's exceptions (API). Every failure is an unchecked
 * {@link dev.ashlar.core.error.AshlarException}; a database's refusal is a
 * {@link dev.ashlar.core.error.DatabaseException} carrying the SQL and SQLSTATE, classified the
 * same way on every database: {@link dev.ashlar.core.error.IntegrityException},
 * {@link dev.ashlar.core.error.DataException}, {@link dev.ashlar.core.error.ProgrammingException}
 * and {@link dev.ashlar.core.error.OperationalException}, each with subclasses for the cases a
 * caller handles, such as {@link dev.ashlar.core.error.UniqueViolationException} or
 * {@link dev.ashlar.core.error.DeadlockException}.
 */
package dev.ashlar.core.error;
