/**
 * The SQLite dialect, the embedded default. Only
 * {@link dev.ashlar.core.dialect.sqlite.SqliteDialect} and
 * {@link dev.ashlar.core.dialect.sqlite.SqlitePlanReader} are public, for the provider and EXPLAIN;
 * the rest is package-private, including the Java functions registered on each connection and the
 * table rebuild that stands in for the ALTER TABLE forms SQLite lacks. Not API for applications,
 * which reach the dialect through a {@code sqlite://} URL.
 */
package dev.ashlar.core.dialect.sqlite;
