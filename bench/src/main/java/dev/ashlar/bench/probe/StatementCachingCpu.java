package dev.ashlar.bench.probe;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link StatementCaching}'s operations timed by CPU, not by the clock: on a machine shared with
 * other builds the wall time of a 50-µs operation moves by more than the differences measured, but
 * the CPU that the operation itself costs does not. For each configuration, in interleaved rounds:
 * the benchmark thread's CPU time per operation (the driver, the pool, and on SQLite the database
 * itself, which runs in that thread) and, on PostgreSQL, the CPU time of the server's backend
 * processes of the pool ({@code /proc/<pid>/stat}, clock ticks), plus the wall time for reference.
 * Prints the median over the rounds, per statement.
 *
 * <p>{@code java -cp bench/target/classes:$(cat bench/target/classpath.txt) dev.ashlar.bench.probe.StatementCachingCpu [rounds [statementsPerBorrowing [databases]]]},
 * for example {@code StatementCachingCpu 5 10 postgresql,mariadb}.
 */
public final class StatementCachingCpu {
    private static final int WARMUP = 3_000;
    private static final int OPS = 10_000;
    private static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux

    private StatementCachingCpu() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int perBorrow = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        String only = args.length > 2 ? args[2] : null;
        String[][] all = {
            {"sqlite", "none"}, {"sqlite", "borrowing"}, {"sqlite", "ashlar"},
            {"postgresql", "none"}, {"postgresql", "driver"}, {"postgresql", "borrowing"}, {"postgresql", "ashlar"},
            {"mariadb", "none"}, {"mariadb", "driver"}, {"mariadb", "borrowing"}, {"mariadb", "ashlar"},
        };
        String[][] configs = java.util.Arrays.stream(all).filter(c -> only == null || only.contains(c[0])).toArray(String[][]::new);
        String[] workloads = {"lookup", "insert"};
        // [config][workload][round][wall, client cpu, server cpu] in ns per op
        double[][][][] results = new double[configs.length][workloads.length][rounds][];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        for (int round = 0; round < rounds; round++) {
            for (int c = 0; c < configs.length; c++) {
                StatementCaching probe = new StatementCaching();
                probe.db = configs[c][0];
                probe.cache = configs[c][1];
                probe.perBorrow = perBorrow;
                probe.open();
                try {
                    for (int w = 0; w < workloads.length; w++) {
                        boolean lookup = w == 0;
                        int ops = (lookup ? OPS : OPS / 10) / perBorrow;
                        for (int i = 0; i < (lookup ? WARMUP : WARMUP / 6) / perBorrow; i++) {
                            run(probe, lookup, bh);
                        }
                        List<Long> backends = backends(probe);
                        long server0 = serverTicks(backends);
                        long cpu0 = threads.getCurrentThreadCpuTime();
                        long wall0 = System.nanoTime();
                        for (int i = 0; i < ops; i++) {
                            run(probe, lookup, bh);
                        }
                        long wall = System.nanoTime() - wall0;
                        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                        long server = serverTicks(backends) - server0;
                        // per statement, whatever the statements per borrowing
                        int statements = ops * perBorrow;
                        results[c][w][round] = new double[] {(double) wall / statements, (double) cpu / statements,
                            backends.isEmpty() ? Double.NaN : (double) server * TICK_NANOS / statements};
                    }
                } finally {
                    probe.close();
                }
            }
            System.err.printf("round %d of %d done%n", round + 1, rounds);
        }
        System.out.println("statements per borrowing: " + perBorrow);
        System.out.println("| workload | db | cache | wall µs/op | client CPU µs/op | server CPU µs/op | client + server CPU µs/op |");
        System.out.println("| --- | --- | --- | ---: | ---: | ---: | ---: |");
        for (int w = 0; w < workloads.length; w++) {
            for (int c = 0; c < configs.length; c++) {
                double wall = median(results[c][w], 0);
                double cpu = median(results[c][w], 1);
                double server = median(results[c][w], 2);
                double[] sums = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    sums[r] = results[c][w][r][1] + (Double.isNaN(results[c][w][r][2]) ? 0 : results[c][w][r][2]);
                }
                Arrays.sort(sums);
                System.out.printf("| %s | %s | %s | %.1f | %.1f | %s | %.1f (%.1f–%.1f) |%n", workloads[w], configs[c][0], configs[c][1],
                        wall / 1000, cpu / 1000, Double.isNaN(server) ? "n/a" : String.format("%.1f", server / 1000),
                        sums[rounds / 2] / 1000, sums[0] / 1000, sums[rounds - 1] / 1000);
            }
        }
    }

    private static void run(StatementCaching probe, boolean lookup, Blackhole bh) throws Exception {
        if (lookup) {
            probe.lookup(bh);
        } else {
            probe.insert();
        }
    }

    private static double median(double[][] rounds, int index) {
        double[] values = new double[rounds.length];
        for (int r = 0; r < rounds.length; r++) {
            values[r] = rounds[r][index];
        }
        Arrays.sort(values);
        return values[values.length / 2];
    }

    /** The PostgreSQL backend processes serving the probe's database (its pool's connections); none elsewhere. */
    private static List<Long> backends(StatementCaching probe) throws Exception {
        List<Long> pids = new ArrayList<>();
        if (!probe.db.equals("postgresql")) {
            return pids;
        }
        try (Connection c = probe.pool().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getLong(1));
                }
            }
        }
        return pids;
    }

    /** utime + stime of the processes, in clock ticks. */
    private static long serverTicks(List<Long> pids) throws Exception {
        long total = 0;
        for (long pid : pids) {
            Path stat = Path.of("/proc/" + pid + "/stat");
            if (!Files.exists(stat)) {
                continue;
            }
            String text = Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            total += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }
        return total;
    }
}
