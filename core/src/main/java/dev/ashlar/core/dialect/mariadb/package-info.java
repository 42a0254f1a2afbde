/**
 * The MariaDB dialect (and MySQL through the same URL schemes). Only
 * {@link dev.ashlar.core.dialect.mariadb.MariaDbDialect} and
 * {@link dev.ashlar.core.dialect.mariadb.MariaDbPlanReader} are public, for the provider and
 * EXPLAIN; the compilers, codecs, catalog reader and session lock are package-private. Not API for
 * applications, which reach the dialect through a {@code mariadb://} URL.
 */
package dev.ashlar.core.dialect.mariadb;
