/**
 * {@link dev.ashlar.bench.report.Report} turns JMH's JSON result into {@code docs/benchmarks.md}: a
 * table per workload and database with each library's ratio to hand-written JDBC. Not API.
 */
package dev.ashlar.bench.report;
