package dev.ashlar.bench;

import static dev.ashlar.bench.support.ItemsTable.ID;
import static dev.ashlar.bench.support.ItemsTable.ITEMS;
import static dev.ashlar.bench.support.ItemsTable.PRICE;
import static dev.ashlar.core.sql.Sql.update;

import dev.ashlar.bench.support.Fixture;
import dev.ashlar.bench.support.Item;
import dev.ashlar.bench.support.Item_;
import dev.ashlar.bench.support.ItemEntity;
import dev.ashlar.bench.support.ItemsTable;
import dev.ashlar.bench.support.Jooq;
import dev.ashlar.core.engine.Transaction;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jooq.BatchBindStep;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * {@code update}: in one transaction, load 10,000 items (of 100,000), raise each one's price by a cent, commit.
 *
 * <p>Three forks in the full run, as {@link FetchAll} has: the full run of 2026-12-02 showed its forks settling into
 * a fast or a slow state too (the same ORM code at 31.0, 48.9 and 34.0 ms per update on SQLite, fork by fork), so
 * that one fork per library decided a ratio by chance (bench/NOTES.md, thirteenth round).
 */
@State(Scope.Benchmark)
@Fork(value = 3, jvmArgsAppend = {Workload.HEAP_MIN, Workload.HEAP_MAX, Workload.PRETOUCH})
public class Update extends Workload {
    static final int TABLE_ROWS = 100_000;
    static final int UPDATES = 10_000;
    static final int BATCH = 1000;
    static final BigDecimal CENT = new BigDecimal("0.01");
    static final String SELECT = "SELECT " + ItemsTable.COLUMNS + " FROM items WHERE id <= ? ORDER BY id";
    static final String UPDATE = "UPDATE items SET price = ? WHERE id = ?";

    private int updates;

    @Override
    protected boolean writesRows() {
        return true;
    }

    @Override
    protected void prepare() throws Exception {
        Fixture.ensureRows(pool, database, rows(TABLE_ROWS));
        updates = rows(UPDATES);
    }

    private int check(int changed) {
        if (changed != updates) {
            throw new IllegalStateException("changed " + changed + " items, expected " + updates);
        }
        return changed;
    }

    @Benchmark
    public int jdbc() throws Exception {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            List<Item> items = new ArrayList<>(updates);
            try (PreparedStatement ps = c.prepareStatement(SELECT)) {
                ps.setLong(1, updates);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(database.readItem(rs));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
                int n = 0;
                for (Item item : items) {
                    item.price = item.price.add(CENT);
                    database.bindPrice(ps, 1, item.price);
                    ps.setLong(2, item.id);
                    ps.addBatch();
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            return check(items.size());
        }
    }

    @Benchmark
    public int ashlarCore() {
        try (dev.ashlar.core.engine.Connection conn = engine.connect(); Transaction tx = conn.begin()) {
            List<Item> items = conn.query(ItemsTable.selectAll().where(ID.le((long) updates)).orderBy(ID)).map(ItemsTable.MAPPER);
            // executeBatch sends consecutive statements of one SQL shape as JDBC batches.
            List<dev.ashlar.core.sql.Statement> updates = new ArrayList<>(items.size());
            for (Item item : items) {
                item.price = item.price.add(CENT);
                updates.add(update(ITEMS).set(PRICE, item.price).where(ID.eq(item.id)));
            }
            conn.executeBatch(updates);
            tx.commit();
            return check(items.size());
        }
    }

    @Benchmark
    public int ashlarOrm() {
        try (dev.ashlar.orm.Session session = dev.ashlar.orm.Session.open(engine)) {
            List<Item> items = session.select(Item.class).where(Item_.id.le((long) updates)).orderBy(Item_.id).list();
            for (Item item : items) {
                item.price = item.price.add(CENT);
            }
            session.commit(); // the flush finds the changed prices and sends the UPDATEs as JDBC batches
            return check(items.size());
        }
    }

    @Benchmark
    public int hibernate() {
        try (Session session = hibernate.openSession()) {
            var tx = session.beginTransaction();
            List<ItemEntity> items = session.createSelectionQuery("from ItemEntity where id <= :max order by id", ItemEntity.class)
                    .setParameter("max", (long) updates).getResultList();
            for (ItemEntity item : items) {
                item.price = item.price.add(CENT);
            }
            tx.commit(); // dirty checking finds the changes; updates go out in JDBC batches
            return check(items.size());
        }
    }

    @Benchmark
    public int jooq() {
        return check(jooq.transactionResult(trx -> {
            var ctx = trx.dsl();
            List<Item> items = Jooq.selectAll(ctx).where(Jooq.ID.le((long) updates)).orderBy(Jooq.ID).fetch(Jooq.MAPPER);
            for (int from = 0; from < items.size(); from += BATCH) {
                BatchBindStep batch = ctx.batch(ctx.update(Jooq.ITEMS).set(Jooq.PRICE, (BigDecimal) null).where(Jooq.ID.eq((Long) null)));
                for (Item item : items.subList(from, Math.min(from + BATCH, items.size()))) {
                    item.price = item.price.add(CENT);
                    batch.bind(item.price, item.id);
                }
                batch.execute();
            }
            return items.size();
        }));
    }

    @Benchmark
    public int jdbi() {
        return check(jdbi.inTransaction(handle -> {
            List<Item> items = handle.createQuery(SELECT).bind(0, (long) updates).map((rs, ctx) -> database.readItem(rs)).list();
            PreparedBatch batch = handle.prepareBatch(UPDATE);
            int n = 0;
            for (Item item : items) {
                item.price = item.price.add(CENT);
                batch.bind(0, database.priceParam(item.price)).bind(1, item.id).add();
                if (++n % BATCH == 0) {
                    batch.execute();
                }
            }
            if (batch.size() > 0) {
                batch.execute();
            }
            return items.size();
        }));
    }
}
