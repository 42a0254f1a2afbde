/**
 * Ashlar's dialect compliance suite: JUnit tests that run against a real database through
 * {@link dev.ashlar.testkit.AllDatabases}, one invocation per database with its name in the test's
 * name. This package holds the schema, types, DDL, reflection, diff and error tests; the
 * subpackages hold the query, engine, EXPLAIN, type and drill tests. Expectations come from the
 * dialect's declared capabilities ({@link dev.ashlar.core.dialect.Dialect},
 * {@link dev.ashlar.core.dialect.DdlCompiler}, its type compiler, catalog and plan readers) and set-up
 * SQL that each vendor spells its own way from {@link dev.ashlar.testkit.VendorSql}; no test asks
 * which database it runs on. So a new dialect runs the same suite unchanged: see
 * the project's DEVELOPERS.md, "Running the compliance suite for a new dialect". Not API: the classes
 * are tests, published so that other builds can scan them.
 */
package dev.ashlar.compliance;
