/**
 * The JMH benchmarks that compare Ashlar with hand-written JDBC, jOOQ and Hibernate: one
 * {@link dev.ashlar.bench.Workload} subclass per workload, such as
 * {@link dev.ashlar.bench.FetchAll}, {@link dev.ashlar.bench.Insert} and
 * {@link dev.ashlar.bench.Lookup}. {@code bench/run} runs them and {@code docs/benchmarks.md}
 * reports the results. Not API: the module is not published.
 */
package dev.ashlar.bench;
