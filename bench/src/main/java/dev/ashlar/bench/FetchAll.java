package dev.ashlar.bench;

import dev.ashlar.bench.support.BenchDb;
import dev.ashlar.bench.support.Fixture;
import dev.ashlar.bench.support.Item;
import dev.ashlar.bench.support.ItemEntity;
import dev.ashlar.bench.support.ItemsTable;
import dev.ashlar.bench.support.Jooq;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import dev.ashlar.orm.Session;
import org.hibernate.StatelessSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * {@code fetchAll}: read all 100,000 items into objects.
 *
 * <p>Five forks in the full run, not one: on this 2-core VM a fork of this workload runs in a fast or a slow state,
 * 25–50% apart for the same code, mostly for its whole life but sometimes changing partway, so that one fork per
 * library decides a ratio by chance (bench/NOTES.md, tenth round). Forks watched with the JIT's and the collector's
 * logs compile the same methods in the same order and collect alike, so the slow state is taken to be the machine's
 * (twenty-fifth round). The error of the forks includes that spread. Three were not enough for the question this
 * workload answers (is the ORM within 1.10 of the floor?): six full runs of close to the same code put the ORM on
 * PostgreSQL between 0.99 and 1.20, fork ratios between 0.80 and 1.20 (bench/NOTES.md, sixteenth round).
 */
@State(Scope.Benchmark)
@Fork(value = 5, jvmArgsAppend = {Workload.HEAP_MIN, Workload.HEAP_MAX, Workload.PRETOUCH})
public class FetchAll extends Workload {
    static final int ROWS = 100_000;
    static final String SQL = "SELECT " + ItemsTable.COLUMNS + " FROM items";

    @Override
    protected void prepare() throws Exception {
        Fixture.ensureRows(pool, database, rows(ROWS));
    }

    @Benchmark
    public List<Item> jdbc() throws Exception {
        return jdbc(pool, database);
    }

    @Benchmark
    public List<Item> ashlarCore() {
        return ashlarCore(engine);
    }

    @Benchmark
    public List<Item> ashlarOrm() {
        return ashlarOrm(engine);
    }

    /** The floor's fetch, also run by the CPU-time probe ({@code probe.FetchAllCpu}). */
    public static List<Item> jdbc(javax.sql.DataSource pool, BenchDb database) throws Exception {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setFetchSize(BenchDb.FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                List<Item> items = new ArrayList<>();
                while (rs.next()) {
                    items.add(database.readItem(rs));
                }
                return items;
            }
        }
    }

    /** Core's fetch, also run by the CPU-time probe. */
    public static List<Item> ashlarCore(dev.ashlar.core.engine.Engine engine) {
        try (dev.ashlar.core.engine.Connection conn = engine.connect()) {
            return conn.query(ItemsTable.selectAll()).map(ItemsTable.MAPPER);
        }
    }

    /** The ORM's fetch, also run by the CPU-time probe. */
    public static List<Item> ashlarOrm(dev.ashlar.core.engine.Engine engine) {
        try (Session session = Session.open(engine)) {
            return session.select(Item.class).list();
        }
    }

    @Benchmark
    public List<ItemEntity> hibernate() {
        // A stateless session: no persistence context or snapshots, Hibernate's fastest way to read many rows.
        try (StatelessSession session = hibernate.openStatelessSession()) {
            return session.createSelectionQuery("from ItemEntity", ItemEntity.class).getResultList();
        }
    }

    @Benchmark
    public List<Item> jooq() {
        return Jooq.selectAll(jooq).fetchSize(BenchDb.FETCH_SIZE).fetch(Jooq.MAPPER);
    }

    @Benchmark
    public List<Item> jdbi() {
        return jdbi.withHandle(handle -> handle.createQuery(SQL).setFetchSize(BenchDb.FETCH_SIZE)
                .map((rs, ctx) -> database.readItem(rs)).list());
    }
}
