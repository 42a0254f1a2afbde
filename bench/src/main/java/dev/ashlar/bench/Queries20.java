package dev.ashlar.bench;

import static dev.ashlar.bench.support.ItemsTable.ID;
import static dev.ashlar.bench.support.ItemsTable.ITEMS;
import static dev.ashlar.bench.support.ItemsTable.PRICE;
import static dev.ashlar.core.sql.Sql.update;

import dev.ashlar.bench.support.Fixture;
import dev.ashlar.bench.support.Item;
import dev.ashlar.bench.support.ItemEntity;
import dev.ashlar.bench.support.ItemsTable;
import dev.ashlar.bench.support.Jooq;
import dev.ashlar.core.engine.Transaction;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.hibernate.Session;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jooq.BatchBindStep;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * {@code queries20}, after TechEmpower's "database updates" test: in one transaction, read 20
 * random items by primary key, give each a new random price and write the 20 changes (batched where
 * the library batches). The table holds 100,000 items. A short operation, so reported in microseconds.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Queries20 extends Workload {
    static final int TABLE_ROWS = 100_000;
    static final int QUERIES = 20;
    static final String SELECT = "SELECT " + ItemsTable.COLUMNS + " FROM items WHERE id = ?";
    static final String UPDATE = "UPDATE items SET price = ? WHERE id = ?";

    private int tableRows;

    @Override
    protected boolean writesRows() {
        return true;
    }

    @Override
    protected void prepare() throws Exception {
        tableRows = rows(TABLE_ROWS);
        Fixture.ensureRows(pool, database, tableRows);
    }

    private long randomId() {
        return 1 + ThreadLocalRandom.current().nextInt(tableRows);
    }

    private static BigDecimal randomPrice() {
        return BigDecimal.valueOf(ThreadLocalRandom.current().nextInt(1, 1_000_000), 2);
    }

    @Benchmark
    public Item[] jdbc() throws Exception {
        Item[] items = new Item[QUERIES];
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(SELECT)) {
                for (int i = 0; i < QUERIES; i++) {
                    ps.setLong(1, randomId());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        items[i] = database.readItem(rs);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
                for (Item item : items) {
                    item.price = randomPrice();
                    database.bindPrice(ps, 1, item.price);
                    ps.setLong(2, item.id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
        }
        return items;
    }

    @Benchmark
    public Item[] ashlarCore() {
        Item[] items = new Item[QUERIES];
        try (dev.ashlar.core.engine.Connection conn = engine.connect(); Transaction tx = conn.begin()) {
            for (int i = 0; i < QUERIES; i++) {
                items[i] = ItemsTable.MAPPER.map(conn.query(ItemsTable.selectAll().where(ID.eq(randomId()))).one());
            }
            java.util.List<dev.ashlar.core.sql.Statement> updates = new java.util.ArrayList<>(QUERIES);
            for (Item item : items) {
                item.price = randomPrice();
                updates.add(update(ITEMS).set(PRICE, item.price).where(ID.eq(item.id)));
            }
            conn.executeBatch(updates);
            tx.commit();
        }
        return items;
    }

    @Benchmark
    public Item[] ashlarOrm() {
        Item[] items = new Item[QUERIES];
        try (dev.ashlar.orm.Session session = dev.ashlar.orm.Session.open(engine)) {
            for (int i = 0; i < QUERIES; i++) {
                items[i] = session.get(Item.class, randomId());
            }
            for (Item item : items) {
                item.price = randomPrice();
            }
            session.commit();
        }
        return items;
    }

    @Benchmark
    public ItemEntity[] hibernate() {
        ItemEntity[] items = new ItemEntity[QUERIES];
        try (Session session = hibernate.openSession()) {
            var tx = session.beginTransaction();
            for (int i = 0; i < QUERIES; i++) {
                items[i] = session.find(ItemEntity.class, randomId());
            }
            for (ItemEntity item : items) {
                item.price = randomPrice();
            }
            tx.commit();
        }
        return items;
    }

    @Benchmark
    public Item[] jooq() {
        return jooq.transactionResult(trx -> {
            var ctx = trx.dsl();
            Item[] items = new Item[QUERIES];
            for (int i = 0; i < QUERIES; i++) {
                items[i] = Jooq.selectAll(ctx).where(Jooq.ID.eq(randomId())).fetchOne(Jooq.MAPPER);
            }
            BatchBindStep batch = ctx.batch(ctx.update(Jooq.ITEMS).set(Jooq.PRICE, (BigDecimal) null).where(Jooq.ID.eq((Long) null)));
            for (Item item : items) {
                item.price = randomPrice();
                batch.bind(item.price, item.id);
            }
            batch.execute();
            return items;
        });
    }

    @Benchmark
    public Item[] jdbi() {
        return jdbi.inTransaction(handle -> {
            Item[] items = new Item[QUERIES];
            for (int i = 0; i < QUERIES; i++) {
                items[i] = handle.createQuery(SELECT).bind(0, randomId()).map((rs, ctx) -> database.readItem(rs)).one();
            }
            PreparedBatch batch = handle.prepareBatch(UPDATE);
            for (Item item : items) {
                item.price = randomPrice();
                batch.bind(0, database.priceParam(item.price)).bind(1, item.id).add();
            }
            batch.execute();
            return items;
        });
    }
}
