package dev.ashlar.bench.probe;

import com.zaxxer.hikari.HikariDataSource;
import dev.ashlar.bench.support.BenchDb;
import dev.ashlar.bench.support.Fixture;
import dev.ashlar.bench.support.ItemsTable;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.ValueCodec;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.schema.Column;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How much of fetchAll's row loop is the call per value into a codec: the items' result read three
 * ways in one JVM, in interleaved rounds, timed by the benchmark thread's CPU (bench/NOTES.md,
 * eighteenth round). {@code floor}: the floor's own loop ({@code BenchDb.readItem}, an {@code Item}
 * per row). {@code codecs}: an array of values per row, each value through its column's codec from
 * the dialect, as core's {@code RowShape.values} reads it. {@code straight}: the same array with the
 * same getters, null checks, rounding and error handling written out once per column in one method,
 * the shape that a reader generated per model would have; it is written for PostgreSQL's codecs
 * (key, two texts, a decimal, a date-time) and checks that it reads what the codecs read.
 *
 * <p>It runs the query once per operation for each way, so the driver's {@code executeQuery} is in
 * every figure; the differences are the loops'. Run with the workloads' heap:
 * {@code java -Xms3g -Xmx3g -XX:+AlwaysPreTouch -cp bench/target/classes:$(cat bench/target/classpath.txt)
 * dev.ashlar.bench.probe.RowReadingCpu [rounds [operations]]}.
 */
public final class RowReadingCpu {
    private static final String[] WAYS = {"floor", "codecs", "straight"};
    private static final String SQL = "SELECT " + ItemsTable.COLUMNS + " FROM items";
    private static final int ROWS = 100_000;

    private RowReadingCpu() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int ops = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        BenchDb database = BenchDb.of("postgresql");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (HikariDataSource pool = database.peerPool();
             Engine engine = Engine.create(database.ashlarUrl(), database.ashlarOptions())) {
            Fixture.ensureRows(pool, database, ROWS);
            Dialect dialect = engine.dialect();
            List<Column<?>> columns = List.of(ItemsTable.ID, ItemsTable.NAME, ItemsTable.DESCRIPTION, ItemsTable.PRICE, ItemsTable.CREATED_AT);
            ValueCodec<?>[] codecs = columns.stream().map(c -> dialect.codec(c.type())).toArray(ValueCodec<?>[]::new);
            check(pool, database, codecs);
            double[][] cpu = new double[WAYS.length][rounds];
            long sink = 0;
            for (int round = 0; round < rounds; round++) {
                for (int way = 0; way < WAYS.length; way++) {
                    for (int i = 0; i < (round == 0 ? 3 * ops : ops / 2); i++) {
                        sink += run(way, pool, database, codecs).size();
                    }
                    System.gc();
                    long t0 = threads.getCurrentThreadCpuTime();
                    for (int i = 0; i < ops; i++) {
                        sink += run(way, pool, database, codecs).size();
                    }
                    cpu[way][round] = (double) (threads.getCurrentThreadCpuTime() - t0) / ops;
                }
                System.err.printf("round %d of %d done%n", round + 1, rounds);
            }
            System.out.printf("postgresql, %,d rows, %d operations per way and round, %d rounds (checksum %d)%n", ROWS, ops, rounds, sink);
            System.out.println("| way | thread CPU ms/op, median (range) | × floor | by round × floor |");
            System.out.println("| --- | ---: | ---: | --- |");
            double floorMedian = sorted(cpu[0])[rounds / 2];
            for (int way = 0; way < WAYS.length; way++) {
                double[] sorted = sorted(cpu[way]);
                StringBuilder byRound = new StringBuilder();
                for (int r = 0; r < rounds; r++) {
                    byRound.append(r == 0 ? "" : ", ").append(String.format("%.3f", cpu[way][r] / cpu[0][r]));
                }
                System.out.printf("| %s | %.2f (%.2f–%.2f) | %.3f | %s |%n", WAYS[way], sorted[rounds / 2] / 1e6,
                        sorted[0] / 1e6, sorted[rounds - 1] / 1e6, sorted[rounds / 2] / floorMedian, byRound);
            }
        }
    }

    private static List<?> run(int way, HikariDataSource pool, BenchDb database, ValueCodec<?>[] codecs) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setFetchSize(BenchDb.FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                // a loop per way, so that the JIT compiles each loop with only its own reads inlined
                List<?> out = switch (way) {
                    case 0 -> floorLoop(rs, database);
                    case 1 -> codecsLoop(rs, codecs);
                    default -> straightLoop(rs);
                };
                if (out.size() != ROWS) {
                    throw new IllegalStateException(WAYS[way] + " read " + out.size() + " rows, expected " + ROWS);
                }
                return out;
            }
        }
    }

    private static List<Object> floorLoop(ResultSet rs, BenchDb database) throws SQLException {
        List<Object> out = new ArrayList<>();
        while (rs.next()) {
            out.add(database.readItem(rs));
        }
        return out;
    }

    private static List<Object> codecsLoop(ResultSet rs, ValueCodec<?>[] codecs) throws SQLException {
        List<Object> out = new ArrayList<>();
        while (rs.next()) {
            out.add(throughCodecs(rs, codecs));
        }
        return out;
    }

    private static List<Object> straightLoop(ResultSet rs) throws SQLException {
        List<Object> out = new ArrayList<>();
        while (rs.next()) {
            out.add(straight(rs));
        }
        return out;
    }

    /** As {@code RowShape.values}: a call into the column's codec per value. */
    private static Object[] throughCodecs(ResultSet rs, ValueCodec<?>[] codecs) throws SQLException {
        Object[] values = new Object[codecs.length];
        for (int i = 0; i < codecs.length; i++) {
            values[i] = codecs[i].read(rs, i + 1);
        }
        return values;
    }

    /** The same values with PostgreSQL's codecs' getters written out: no dispatch per column. */
    private static Object[] straight(ResultSet rs) throws SQLException {
        Object[] values = new Object[5];
        try {
            long id = rs.getLong(1);
            values[0] = id == 0 && rs.wasNull() ? null : id;
            values[1] = rs.getString(2);
            values[2] = rs.getString(3);
            BigDecimal price = rs.getBigDecimal(4);
            values[3] = price == null ? null : price.setScale(2, RoundingMode.HALF_EVEN);
            values[4] = rs.getObject(5, LocalDateTime.class);
        } catch (RuntimeException e) {
            // the codecs name the column and the stored text here; a generated reader would hand over to them
            throw new IllegalStateException("unreadable row", e);
        }
        return values;
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** Fails unless the straight reader reads exactly what the codecs read, row by row. */
    private static void check(HikariDataSource pool, BenchDb database, ValueCodec<?>[] codecs) throws SQLException {
        List<?> viaCodecs = run(1, pool, database, codecs);
        List<?> viaStraight = run(2, pool, database, codecs);
        for (int i = 0; i < viaCodecs.size(); i++) {
            if (!Arrays.equals((Object[]) viaCodecs.get(i), (Object[]) viaStraight.get(i))) {
                throw new IllegalStateException("row " + i + ": codecs read " + Arrays.toString((Object[]) viaCodecs.get(i))
                        + ", the straight reader " + Arrays.toString((Object[]) viaStraight.get(i)));
            }
        }
    }
}
