package dev.ashlar.bench.probe;

import com.sun.management.OperatingSystemMXBean;
import com.zaxxer.hikari.HikariDataSource;
import dev.ashlar.bench.FetchAll;
import dev.ashlar.bench.support.BenchDb;
import dev.ashlar.bench.support.Fixture;
import dev.ashlar.bench.support.Item;
import dev.ashlar.core.engine.Engine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code FetchAll.jdbc}, {@code ashlarCore} and {@code ashlarOrm}, the same code as the JMH
 * benchmark, timed by the CPU they cost rather than by the clock: on the shared 2-core machine the
 * wall time of a fetch moved by ±100% between iterations of one JMH run, far more than the
 * differences in question. In interleaved rounds (each library in turn, after its own warm-up),
 * it records per operation the CPU time of the benchmark thread (driver, mapping, and on SQLite the
 * database itself, which runs in that thread) and of the whole process (the thread plus the
 * collector's threads, which copy what a fetch keeps alive; the JIT is quiet after the warm-up),
 * the wall time for reference, and on a local PostgreSQL the server's CPU time (every {@code postgres}
 * process, from {@code /proc}), which the JVM does not see but the wall time waits for. Prints the
 * median over the rounds with the range. Run it with the workloads' heap ({@code -Xms3g -Xmx3g
 * -XX:+AlwaysPreTouch}): with the default heap the collector's work swamps the differences.
 *
 * <p>{@code java -cp bench/target/classes:$(cat bench/target/classpath.txt) dev.ashlar.bench.probe.FetchAllCpu [rounds [rows [databases [operations]]]]},
 * for example {@code FetchAllCpu 5 100000 sqlite,postgresql 8}: five rounds of eight measured
 * operations per library, after three times as many in the first round and half as many in later
 * ones to warm up. Uses Ashlar (it measures Ashlar's
 * read path against the floor), unlike the plain-JDBC probes next to it.
 */
public final class FetchAllCpu {
    private static final String[] LIBRARIES = {"jdbc", "ashlarCore", "ashlarOrm"};
    /** What is recorded per operation, in this order in each round's results. */
    private static final String[] MEASURES = {"thread CPU", "process CPU", "wall", "server CPU"};

    private FetchAllCpu() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        String databases = args.length > 2 ? args[2] : "sqlite,postgresql";
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // by default 20 operations of 100,000 rows per measurement: 1–2 s of work at the last full run's speed
        int ops = args.length > 3 ? Integer.parseInt(args[3]) : Math.max(5, 2_000_000 / rows);
        for (String name : databases.split(",")) {
            BenchDb database = BenchDb.of(name);
            try (HikariDataSource pool = database.peerPool();
                 Engine engine = Engine.create(database.ashlarUrl(), database.ashlarOptions())) {
                Fixture.ensureRows(pool, database, rows);
                // [library][round][one value per MEASURES] in ns per operation
                double[][][] results = new double[LIBRARIES.length][rounds][];
                long sink = 0;
                for (int round = 0; round < rounds; round++) {
                    for (int lib = 0; lib < LIBRARIES.length; lib++) {
                        for (int i = 0; i < (round == 0 ? 3 * ops : ops / 2); i++) {
                            sink += run(lib, pool, database, engine, rows);
                        }
                        System.gc(); // every library starts its measurement with the same empty young generation
                        long thread0 = threads.getCurrentThreadCpuTime();
                        long process0 = os.getProcessCpuTime();
                        long server0 = serverCpu();
                        long wall0 = System.nanoTime();
                        for (int i = 0; i < ops; i++) {
                            sink += run(lib, pool, database, engine, rows);
                        }
                        long wall = System.nanoTime() - wall0;
                        long server = serverCpu() - server0;
                        long process = os.getProcessCpuTime() - process0;
                        long thread = threads.getCurrentThreadCpuTime() - thread0;
                        results[lib][round] = new double[] {(double) thread / ops, (double) process / ops, (double) wall / ops, (double) server / ops};
                    }
                    System.err.printf("%s: round %d of %d done%n", name, round + 1, rounds);
                }
                System.out.printf("%s, %,d rows, %d operations per library and round, %d rounds (checksum %d)%n", name, rows, ops, rounds, sink);
                StringBuilder header = new StringBuilder("| library |");
                for (String measure : MEASURES) {
                    header.append(' ').append(measure).append(" ms/op |");
                }
                for (String measure : MEASURES) {
                    header.append(' ').append(measure).append(" × jdbc |");
                }
                System.out.println(header);
                System.out.println("| --- |" + " ---: |".repeat(2 * MEASURES.length));
                for (int lib = 0; lib < LIBRARIES.length; lib++) {
                    StringBuilder line = new StringBuilder("| " + LIBRARIES[lib] + " |");
                    for (int m = 0; m < MEASURES.length; m++) {
                        line.append(' ').append(cell(results[lib], m)).append(" |");
                    }
                    for (int m = 0; m < MEASURES.length; m++) {
                        line.append(String.format(" %.3f |", median(results[lib], m) / median(results[0], m)));
                    }
                    System.out.println(line);
                }
            }
        }
    }

    private static long run(int lib, HikariDataSource pool, BenchDb database, Engine engine, int rows) throws Exception {
        List<Item> items = switch (lib) {
            case 0 -> FetchAll.jdbc(pool, database);
            case 1 -> FetchAll.ashlarCore(engine);
            default -> FetchAll.ashlarOrm(engine);
        };
        if (items.size() != rows) {
            throw new IllegalStateException(LIBRARIES[lib] + " read " + items.size() + " rows, expected " + rows);
        }
        return items.get(items.size() - 1).id;
    }

    /**
     * The CPU time, in ns, that every process named {@code postgres} on this machine has used so far
     * (user and system, from {@code /proc}, in clock ticks taken as Linux's usual 10 ms): the server's
     * side of a fetch on a local PostgreSQL, which the JVM's own counters do not see. 0 where there is
     * no {@code /proc}; on SQLite it reads an idle server.
     */
    private static long serverCpu() throws IOException {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return 0;
        }
        long ticks = 0;
        try (var entries = Files.list(proc)) {
            for (Path dir : (Iterable<Path>) entries::iterator) {
                if (!dir.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    // "pid (comm) state ...": utime and stime, fields 14 and 15 of proc(5), are the 12th and 13th
                    // after the command's closing parenthesis (a command may hold spaces and parentheses itself)
                    String stat = Files.readString(dir.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
                        continue;
                    }
                    String[] fields = stat.substring(close + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (IOException | RuntimeException gone) {
                    // the process ended while being read
                }
            }
        }
        return ticks * 10_000_000L;
    }

    private static String cell(double[][] rounds, int index) {
        double[] values = sorted(rounds, index);
        return String.format("%.2f (%.2f–%.2f)", values[values.length / 2] / 1e6, values[0] / 1e6, values[values.length - 1] / 1e6);
    }

    private static double median(double[][] rounds, int index) {
        double[] values = sorted(rounds, index);
        return values[values.length / 2];
    }

    private static double[] sorted(double[][] rounds, int index) {
        double[] values = new double[rounds.length];
        for (int r = 0; r < rounds.length; r++) {
            values[r] = rounds[r][index];
        }
        Arrays.sort(values);
        return values;
    }
}
