package dev.ashlar.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.ashlar.bench.support.BenchDb;
import dev.ashlar.bench.support.Fixture;
import dev.ashlar.bench.support.Hibernate;
import dev.ashlar.bench.support.Jooq;
import dev.ashlar.core.engine.Engine;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionFactory;
import org.jdbi.v3.core.Jdbi;
import org.jooq.DSLContext;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What every workload shares: the {@code db} parameter, the {@code scale} of the row counts
 * ({@code bench/run --quick} passes 0.1), and the libraries. A trial opens only the library its
 * benchmark method is named after, plus the peers' pool that the fixture loads data with.
 *
 * <p>Operations take milliseconds to a second. They are measured as the average time over
 * iterations of a fixed duration ({@link Mode#AverageTime}: 2 s in the full run, 1 s in the quick
 * one), so that every score is the mean of many operations: single-shot timing of operations this
 * short varied by ±30–100% from run to run. Workloads that must start each operation from a given
 * state restore it in an invocation-level setup, which JMH keeps out of the timing.
 *
 * <p>Every fork gets the same fixed heap, committed and touched before the first operation
 * (3 GB, in {@code @Fork} below): on this shared VM a heap that grew during the run onto pages the host had not
 * yet given it made the first iterations of every library two to six times slower than the later
 * ones, which moved scores by ±50–200% (bench/NOTES.md, "Measured quietly").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {Workload.HEAP_MIN, Workload.HEAP_MAX, Workload.PRETOUCH})
public abstract class Workload {
    /*
     * The fixed heap of every fork, named once: a workload that sets its own @Fork count replaces this class's
     * @Fork as a whole, JVM options included, so it must list them again (requireFixedHeap refuses a fork without).
     */
    /** The heap's initial size, equal to {@link #HEAP_MAX}. */
    static final String HEAP_MIN = "-Xms3g";
    /** The heap's maximum size. */
    static final String HEAP_MAX = "-Xmx3g";
    /** Commits and touches the whole heap before the first operation. */
    static final String PRETOUCH = "-XX:+AlwaysPreTouch";

    /** The database: {@code sqlite} (a file in WAL mode) or {@code postgresql} (local server). */
    @Param({"sqlite", "postgresql"})
    public String db;

    /** Multiplies the row counts: 1 for the full run, 0.1 for the quick one. */
    @Param({"1"})
    public double scale;

    protected BenchDb database;
    /** The peers' pool (configured as Ashlar configures its own); hand-written JDBC, jOOQ and JDBI use it. */
    protected HikariDataSource pool;
    /** Ashlar's engine, when the benchmark is {@code ashlarCore} or {@code ashlarOrm}. */
    protected Engine engine;
    /** Hibernate, when the benchmark is {@code hibernate}. */
    protected SessionFactory hibernate;
    /** jOOQ on the pool, when the benchmark is {@code jooq}. */
    protected DSLContext jooq;
    /** JDBI on the pool, when the benchmark is {@code jdbi}. */
    protected Jdbi jdbi;

    /** Opens the library under test and prepares the data. */
    @Setup(Level.Trial)
    public final void openTrial(BenchmarkParams params) throws Exception {
        requireFixedHeap(ManagementFactory.getRuntimeMXBean().getInputArguments());
        database = BenchDb.of(db);
        pool = database.peerPool();
        String benchmark = params.getBenchmark();
        String library = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        switch (library) {
            case "ashlarCore", "ashlarOrm" -> engine = Engine.create(database.ashlarUrl(), database.ashlarOptions());
            case "hibernate" -> hibernate = Hibernate.sessionFactory(pool, database);
            case "jooq" -> jooq = Jooq.context(pool, database);
            case "jdbi" -> jdbi = Jdbi.create(pool);
            default -> {
                // jdbc needs only the pool
            }
        }
        prepare();
    }

    /** Closes what the trial opened. */
    @TearDown(Level.Trial)
    public final void closeTrial() throws Exception {
        if (hibernate != null && database == BenchDb.SQLITE && writesRows()) {
            // Hibernate writes every column back, and on SQLite it stores timestamps as epoch milliseconds,
            // not as Ashlar's text: the next trial must load the rows afresh.
            Fixture.forget(pool);
        }
        if (engine != null) {
            engine.close();
        }
        if (hibernate != null) {
            hibernate.close();
        }
        pool.close();
    }

    /**
     * Refuses a fork whose heap is not fixed and touched up front. JMH's {@code -jvmArgsAppend} on the command
     * line replaces the {@code @Fork} options of every workload instead of adding to them; a fork without them
     * grew its heap during the measurement and paid a page fault per new page, which made the libraries that
     * allocate more three to five times slower (bench/NOTES.md, eleventh round). Options for a diagnosis go in
     * {@code -jvmArgsPrepend}, which keeps the workload's own.
     */
    static void requireFixedHeap(List<String> jvmArguments) {
        String least = null;
        String most = null;
        boolean touched = false;
        for (String argument : jvmArguments) {
            if (argument.startsWith("-Xms")) {
                least = argument.substring(4);
            } else if (argument.startsWith("-Xmx")) {
                most = argument.substring(4);
            } else if (argument.equals("-XX:+AlwaysPreTouch")) {
                touched = true;
            } else if (argument.equals("-XX:-AlwaysPreTouch")) {
                touched = false;
            }
        }
        if (least == null || !least.equals(most) || !touched) {
            throw new IllegalStateException("this fork's heap is not fixed and touched up front (JVM arguments: "
                    + jvmArguments + "); the workload's @Fork sets -Xms, the same -Xmx and -XX:+AlwaysPreTouch. "
                    + "-jvmArgsAppend on the command line replaces them: pass extra JVM options with -jvmArgsPrepend, "
                    + "and do not run the workloads in JMH's own JVM (-f 0)");
        }
    }

    /** Whether the workload changes the fixture's rows. */
    protected boolean writesRows() {
        return false;
    }

    /** Prepares the workload's data, once per trial. */
    protected abstract void prepare() throws Exception;

    /** {@code full} scaled, at least 1. */
    protected int rows(int full) {
        return Math.max(1, (int) Math.round(full * scale));
    }
}
