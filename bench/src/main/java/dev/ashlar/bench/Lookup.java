package dev.ashlar.bench;

import static dev.ashlar.bench.support.ItemsTable.ID;

import dev.ashlar.bench.support.Fixture;
import dev.ashlar.bench.support.Item;
import dev.ashlar.bench.support.ItemEntity;
import dev.ashlar.bench.support.ItemsTable;
import dev.ashlar.bench.support.Jooq;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.SplittableRandom;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.jooq.DSLContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * {@code lookup}: 10,000 primary-key lookups in a table of 100,000 items, one query each. Every
 * library keeps one connection for the whole operation; the ORM opens a fresh session (persistence
 * context) per lookup, so nothing is served from a cache.
 *
 * <p>Five forks in the full run, as {@link FetchAll} and {@link Insert} have: one fork per library left its ratio to
 * chance. In the run of 2026-12-03 at ffb17e1 the ORM's one fork on PostgreSQL took 604 ms against the floor's 482;
 * two forks of the same code right after took 644 and 698, and two of the older core 711 and 578 (bench/NOTES.md,
 * twenty-first round): a fork moves by a fifth, more than the difference being asked about.
 */
@State(Scope.Benchmark)
@Fork(value = 5, jvmArgsAppend = {Workload.HEAP_MIN, Workload.HEAP_MAX, Workload.PRETOUCH})
public class Lookup extends Workload {
    static final int TABLE_ROWS = 100_000;
    static final int LOOKUPS = 10_000;
    static final String SQL = "SELECT " + ItemsTable.COLUMNS + " FROM items WHERE id = ?";

    private long[] ids;

    @Override
    protected void prepare() throws Exception {
        int tableRows = rows(TABLE_ROWS);
        Fixture.ensureRows(pool, database, tableRows);
        SplittableRandom random = new SplittableRandom(42);
        ids = new long[rows(LOOKUPS)];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 1 + random.nextInt(tableRows);
        }
    }

    private static long check(long found, int lookups) {
        if (found != lookups) {
            throw new IllegalStateException("found " + found + " of " + lookups + " items");
        }
        return found;
    }

    @Benchmark
    public long jdbc() throws Exception {
        long found = 0;
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            for (long id : ids) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && database.readItem(rs).id == id) {
                        found++;
                    }
                }
            }
        }
        return check(found, ids.length);
    }

    @Benchmark
    public long ashlarCore() {
        long found = 0;
        try (dev.ashlar.core.engine.Connection conn = engine.connect()) {
            for (long id : ids) {
                Item item = ItemsTable.MAPPER.map(conn.query(ItemsTable.selectAll().where(ID.eq(id))).one());
                if (item.id == id) {
                    found++;
                }
            }
        }
        return check(found, ids.length);
    }

    @Benchmark
    public long ashlarOrm() {
        long found = 0;
        try (dev.ashlar.core.engine.Connection conn = engine.connect()) {
            for (long id : ids) {
                // A fresh session (identity map) for every lookup, on the one connection, as Hibernate's below.
                try (dev.ashlar.orm.Session session = dev.ashlar.orm.Session.open(conn)) {
                    Item item = session.get(Item.class, id);
                    if (item != null && item.id == id) {
                        found++;
                    }
                }
            }
        }
        return check(found, ids.length);
    }

    @Benchmark
    public long hibernate() throws Exception {
        long found = 0;
        SessionFactory factory = hibernate;
        try (Connection c = pool.getConnection()) {
            for (long id : ids) {
                // A fresh persistence context for every lookup, on the one connection.
                try (Session session = factory.withOptions().connection(c).openSession()) {
                    ItemEntity item = session.find(ItemEntity.class, id);
                    if (item != null && item.id == id) {
                        found++;
                    }
                }
            }
        }
        return check(found, ids.length);
    }

    @Benchmark
    public long jooq() throws Exception {
        long found = 0;
        try (Connection c = pool.getConnection()) {
            DSLContext ctx = Jooq.context(c, database);
            for (long id : ids) {
                Item item = Jooq.selectAll(ctx).where(Jooq.ID.eq(id)).fetchOne(Jooq.MAPPER);
                if (item != null && item.id == id) {
                    found++;
                }
            }
        }
        return check(found, ids.length);
    }

    @Benchmark
    public long jdbi() {
        return check(jdbi.withHandle(handle -> {
            long found = 0;
            for (long id : ids) {
                Item item = handle.createQuery(SQL).bind(0, id).map((rs, ctx) -> database.readItem(rs)).one();
                if (item.id == id) {
                    found++;
                }
            }
            return found;
        }), ids.length);
    }
}
