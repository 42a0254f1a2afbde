/**
 * Single-question measurements in plain JDBC, kept to justify a choice the ORM or a dialect makes:
 * {@link dev.ashlar.bench.probe.SqliteInsertShapes} for how SQLite takes many-row inserts,
 * {@link dev.ashlar.bench.probe.PostgresUpdateShapes} for how PostgreSQL takes many updates,
 * {@link dev.ashlar.bench.probe.StatementCaching} (a JMH benchmark) for who caches prepared statements. They
 * use no Ashlar code, so their numbers are the database's. The exceptions are
 * {@link dev.ashlar.bench.probe.FetchAllCpu}, which times the fetchAll benchmark's own code (the floor, core
 * and the ORM) by CPU rather than by the clock, and {@link dev.ashlar.bench.probe.InsertBuilding} (JMH, no
 * database), which times the insert workload's building of its statement in core, and
 * {@link dev.ashlar.bench.probe.RowReadingCpu}, which times reading the fetch's rows through core's codecs
 * against the same getters written out, by CPU. Not API.
 */
package dev.ashlar.bench.probe;
