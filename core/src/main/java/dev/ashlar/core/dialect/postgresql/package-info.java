/**
 * The PostgreSQL dialect. Only {@link dev.ashlar.core.dialect.postgresql.PostgresDialect} and
 * {@link dev.ashlar.core.dialect.postgresql.PostgresPlanReader} are public, for the provider and
 * EXPLAIN; the compilers, codecs, catalog reader, advisory lock and {@code COPY} bulk insert are
 * package-private. {@code CopyStream} is the one class that names pgjdbc, so that applications on
 * other databases never load it. Not API for applications, which reach the dialect through a
 * {@code postgresql://} URL.
 */
package dev.ashlar.core.dialect.postgresql;
