package dev.ashlar.bench;

import dev.ashlar.bench.support.BenchDb;
import dev.ashlar.bench.support.Fixture;
import dev.ashlar.bench.support.Item;
import dev.ashlar.bench.support.ItemEntity;
import dev.ashlar.bench.support.ItemsTable;
import dev.ashlar.bench.support.Jooq;
import dev.ashlar.core.engine.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.hibernate.StatelessSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code stream}: read 1,000,000 items one at a time, in a JVM with a 64 MB heap, so that a library
 * that holds the whole result in memory fails. Each runs in a (read-only) transaction, which
 * PostgreSQL's driver needs to read through a cursor with a fetch size. One operation is the whole
 * stream (about a second at full scale), so each is timed on its own ({@link Mode#SingleShotTime}).
 *
 * <p>Three forks, as {@link FetchAll} and {@link Insert} have: one fork of five single shots decided the
 * 2026-12-02 ratios (SQLite: core 1.66, ORM 1.62 times the floor, against 1.06 and 1.11 on 2026-11-29) by
 * which state that one fork fell into; a rerun of the same code gave core 1.15 times the floor (bench/NOTES.md,
 * eleventh round).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
// the 64 MB heap fixed and touched up front, as every workload's heap is (see Workload)
@Fork(value = 3, jvmArgsAppend = {"-Xms64m", "-Xmx64m", Workload.PRETOUCH})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class Stream extends Workload {
    static final int ROWS = 1_000_000;
    static final String SQL = "SELECT " + ItemsTable.COLUMNS + " FROM items";

    private int rows;

    @Override
    protected void prepare() throws Exception {
        rows = rows(ROWS);
        Fixture.ensureRows(pool, database, rows);
    }

    private long check(long seen) {
        if (seen != rows) {
            throw new IllegalStateException("streamed " + seen + " rows, expected " + rows);
        }
        return seen;
    }

    @Benchmark
    public long jdbc(Blackhole bh) throws Exception {
        long seen = 0;
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(SQL)) {
                ps.setFetchSize(BenchDb.FETCH_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        bh.consume(database.readItem(rs));
                        seen++;
                    }
                }
            }
            c.rollback();
            c.setAutoCommit(true);
        }
        return check(seen);
    }

    @Benchmark
    public long ashlarCore(Blackhole bh) {
        long[] seen = {0};
        try (dev.ashlar.core.engine.Connection conn = engine.connect(); Transaction tx = conn.begin()) {
            // A cursor fetching Connection.DEFAULT_FETCH_SIZE rows per round trip.
            conn.forEach(ItemsTable.selectAll(), row -> {
                bh.consume(ItemsTable.MAPPER.map(row));
                seen[0]++;
            });
        }
        return check(seen[0]);
    }

    @Benchmark
    public long ashlarOrm(Blackhole bh) {
        long seen = 0;
        try (dev.ashlar.orm.Session session = dev.ashlar.orm.Session.open(engine);
             java.util.stream.Stream<Item> items = session.select(Item.class).stream()) {
            // Streamed objects are not kept in the session's identity map, so memory stays flat.
            for (Item item : (Iterable<Item>) items::iterator) {
                bh.consume(item);
                seen++;
            }
        }
        return check(seen);
    }

    @Benchmark
    public long hibernate(Blackhole bh) {
        long[] seen = {0};
        try (StatelessSession session = hibernate.openStatelessSession()) {
            var tx = session.beginTransaction();
            try (java.util.stream.Stream<ItemEntity> items = session.createSelectionQuery("from ItemEntity", ItemEntity.class)
                    .setFetchSize(BenchDb.FETCH_SIZE).getResultStream()) {
                items.forEach(item -> {
                    bh.consume(item);
                    seen[0]++;
                });
            }
            tx.rollback();
        }
        return check(seen[0]);
    }

    @Benchmark
    public long jooq(Blackhole bh) {
        return check(jooq.transactionResult(trx -> {
            long seen = 0;
            try (java.util.stream.Stream<Item> items = Jooq.selectAll(trx.dsl()).fetchSize(BenchDb.FETCH_SIZE).fetchStream()
                    .map(Jooq.MAPPER::map)) {
                for (Item item : (Iterable<Item>) items::iterator) {
                    bh.consume(item);
                    seen++;
                }
            }
            return seen;
        }));
    }

    @Benchmark
    public long jdbi(Blackhole bh) {
        return check(jdbi.inTransaction(handle -> {
            long seen = 0;
            try (java.util.stream.Stream<Item> items = handle.createQuery(SQL).setFetchSize(BenchDb.FETCH_SIZE)
                    .map((rs, ctx) -> database.readItem(rs)).stream()) {
                for (Item item : (Iterable<Item>) items::iterator) {
                    bh.consume(item);
                    seen++;
                }
            }
            return seen;
        }));
    }
}
