/**
 * The query language (API): statements as immutable trees, built from the static methods of
 * {@link dev.ashlar.core.sql.Sql}: {@link dev.ashlar.core.sql.Select},
 * {@link dev.ashlar.core.sql.Insert}, {@link dev.ashlar.core.sql.Update} and
 * {@link dev.ashlar.core.sql.Delete}, over typed {@link dev.ashlar.core.sql.Expression}s and
 * {@link dev.ashlar.core.sql.Condition}s. Nodes only describe a statement; each dialect's
 * {@link dev.ashlar.core.dialect.SqlCompiler} writes its SQL, and every value is a bound
 * {@link dev.ashlar.core.sql.Param}.
 */
package dev.ashlar.core.sql;
