/**
 * What every benchmark library shares, so that the comparison is fair: the databases and their
 * common settings ({@link dev.ashlar.bench.support.BenchDb}), the {@code items} table and its rows
 * ({@link dev.ashlar.bench.support.ItemsTable}, {@link dev.ashlar.bench.support.Fixture}), the
 * model each library reads into ({@link dev.ashlar.bench.support.Item}), and the set-up of
 * Hibernate and jOOQ ({@link dev.ashlar.bench.support.Hibernate},
 * {@link dev.ashlar.bench.support.Jooq}). Not API.
 */
package dev.ashlar.bench.support;
