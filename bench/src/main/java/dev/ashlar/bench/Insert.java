package dev.ashlar.bench;

import static dev.ashlar.bench.support.ItemsTable.CREATED_AT;
import static dev.ashlar.bench.support.ItemsTable.DESCRIPTION;
import static dev.ashlar.bench.support.ItemsTable.ITEMS;
import static dev.ashlar.bench.support.ItemsTable.NAME;
import static dev.ashlar.bench.support.ItemsTable.PRICE;
import static dev.ashlar.core.sql.Sql.insertInto;

import dev.ashlar.bench.support.Fixture;
import dev.ashlar.bench.support.Item;
import dev.ashlar.bench.support.ItemEntity;
import dev.ashlar.bench.support.Jooq;
import dev.ashlar.core.engine.Transaction;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import dev.ashlar.orm.Session;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jooq.BatchBindStep;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code insert}: 100,000 new items in one transaction, into an empty table.
 *
 * <p>Five forks in the full run, as {@link FetchAll} has: its forks too settle into a fast or a slow state for their
 * whole life (core's on SQLite took 216–281 ms per insert in one fork and 306–346 ms in the next, JDBC's 174–187 in
 * both), so that one fork per library decided its ratio by chance. Three were not enough: in the run of
 * 2026-12-03 the floor's three forks on SQLite took 165, 239 and 218 ms, and core's ratio to it came out
 * 1.50 ± 0.34 (bench/NOTES.md, seventeenth round).
 */
@State(Scope.Benchmark)
@Fork(value = 5, jvmArgsAppend = {Workload.HEAP_MIN, Workload.HEAP_MAX, Workload.PRETOUCH})
public class Insert extends Workload {
    static final int ROWS = 100_000;
    static final int BATCH = 1000;
    static final String SQL = "INSERT INTO items (name, description, price, created_at) VALUES (?, ?, ?, ?)";

    private List<Item> items;

    @Override
    protected void prepare() throws Exception {
        items = Fixture.items(rows(ROWS));
    }

    /** Every operation starts from an empty table (outside the timing: an invocation-level setup). */
    @Setup(Level.Invocation)
    public void emptyTable() throws Exception {
        Fixture.empty(pool, database);
    }

    /** Checks that the operation inserted every item: a benchmark that does less work must fail. */
    @TearDown(Level.Invocation)
    public void checkInserted() throws Exception {
        try (Connection c = pool.getConnection()) {
            long count = Fixture.count(c);
            if (count != items.size()) {
                throw new IllegalStateException("expected " + items.size() + " rows after the insert, found " + count);
            }
        }
    }

    @Benchmark
    public int jdbc() throws Exception {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(SQL)) {
                int n = 0;
                for (Item item : items) {
                    ps.setString(1, item.name);
                    ps.setString(2, item.description);
                    database.bindPrice(ps, 3, item.price);
                    database.bindTime(ps, 4, item.createdAt);
                    ps.addBatch();
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
        }
        return items.size();
    }

    @Benchmark
    public int ashlarCore() {
        // One many-row INSERT: core sends it as JDBC batches of 1,000 rows of one prepared statement.
        var insert = insertInto(ITEMS);
        boolean first = true;
        for (Item item : items) {
            if (!first) {
                insert = insert.nextRow();
            }
            first = false;
            insert = insert.set(NAME, item.name).set(DESCRIPTION, item.description).set(PRICE, item.price).set(CREATED_AT, item.createdAt);
        }
        try (dev.ashlar.core.engine.Connection conn = engine.connect(); Transaction tx = conn.begin()) {
            int inserted = conn.execute(insert);
            tx.commit();
            return inserted;
        }
    }

    @Benchmark
    public int ashlarOrm() {
        // New objects, as Hibernate's benchmark makes new entities: the session gives them their ids.
        List<Item> fresh = new ArrayList<>(items.size());
        for (Item item : items) {
            fresh.add(item.copyWithoutId());
        }
        try (Session session = Session.open(engine)) {
            // The batch pattern Hibernate's benchmark uses too: write every 1,000 objects and let the
            // session forget them, so it does not hold (and the collector does not copy) 100,000 objects.
            for (int from = 0; from < fresh.size(); from += BATCH) {
                session.addAll(fresh.subList(from, Math.min(fresh.size(), from + BATCH)));
                session.flush();
                session.clear();
            }
            session.commit();
        }
        if (fresh.get(fresh.size() - 1).id == null) {
            throw new IllegalStateException("the session did not give the inserted items their ids");
        }
        return fresh.size();
    }

    @Benchmark
    public int hibernate() {
        try (org.hibernate.Session session = hibernate.openSession()) {
            var tx = session.beginTransaction();
            int n = 0;
            for (Item item : items) {
                session.persist(new ItemEntity(item));
                // The documented batch-insert pattern: flush a batch, then clear the persistence context.
                if (++n % BATCH == 0) {
                    session.flush();
                    session.clear();
                }
            }
            tx.commit();
        }
        return items.size();
    }

    @Benchmark
    public int jooq() {
        jooq.transaction(trx -> {
            var ctx = trx.dsl();
            for (int from = 0; from < items.size(); from += BATCH) {
                BatchBindStep batch = ctx.batch(ctx.insertInto(Jooq.ITEMS, Jooq.NAME, Jooq.DESCRIPTION, Jooq.PRICE, Jooq.CREATED_AT)
                        .values((String) null, (String) null, (BigDecimal) null, (LocalDateTime) null));
                for (Item item : items.subList(from, Math.min(from + BATCH, items.size()))) {
                    batch.bind(item.name, item.description, item.price, item.createdAt);
                }
                batch.execute();
            }
        });
        return items.size();
    }

    @Benchmark
    public int jdbi() {
        return jdbi.inTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch(SQL);
            int n = 0;
            for (Item item : items) {
                batch.bind(0, item.name).bind(1, item.description).bind(2, database.priceParam(item.price))
                        .bind(3, database.timeParam(item.createdAt)).add();
                if (++n % BATCH == 0) {
                    batch.execute();
                }
            }
            if (batch.size() > 0) {
                batch.execute();
            }
            return n;
        });
    }
}
