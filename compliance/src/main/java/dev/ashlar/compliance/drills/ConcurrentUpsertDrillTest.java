package dev.ashlar.compliance.drills;

import static dev.ashlar.core.sql.Sql.excluded;
import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.integer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.Transaction;
import dev.ashlar.core.error.DeadlockException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Drill: threads upsert the same few keys, several per transaction in a random order (which makes
 * the servers deadlock now and then), retrying a transaction that deadlocked. Afterwards every key's
 * row counts exactly the upserts of the transactions that committed, and every failure along the
 * way was a {@link DeadlockException}: any other exception fails the drill.
 */
class ConcurrentUpsertDrillTest {
    static final int THREADS = 8;
    static final int TRANSACTIONS = 30;
    static final int KEYS = 6;
    static final int KEYS_PER_TRANSACTION = 3;

    /** One transaction: an upsert of each key, in the given order. */
    private static void upsertAll(Connection conn, Table table, Column<Long> key, Column<Long> hits, Column<Integer> lastThread,
                                  List<Long> keys, int thread) {
        try (Transaction tx = conn.begin()) {
            for (long k : keys) {
                conn.execute(insertInto(table).set(key, k).set(hits, 1L).set(lastThread, thread)
                        .onConflict(key).set(hits, hits.add(1L)).set(lastThread, excluded(lastThread)).doUpdate());
            }
            tx.commit();
        }
    }

    @AllDatabases
    void concurrentUpsertsOnTheSameKeysStayConsistentAndDeadlocksAreTyped(TestDatabase db) throws Exception {
        MetaData md = new MetaData();
        Column<Long> key = Column.of("k", bigInteger()).primaryKey().autoincrement(false);
        Column<Long> hits = Column.of("hits", bigInteger()).notNull();
        Column<Integer> lastThread = Column.of("last_thread", integer());
        Table table = md.table("upsert_drill", key, hits, lastThread);

        AtomicLongArray committed = new AtomicLongArray(KEYS);
        AtomicInteger deadlocks = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, md);
            List<String> quick = db.vendor().quickDeadlockDetection();
            CyclicBarrier start = new CyclicBarrier(THREADS);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    workers.add(pool.submit(() -> {
                        Random random = new Random(thread);
                        start.await();
                        for (int done = 0; done < TRANSACTIONS; ) {
                            List<Long> keys = new ArrayList<>();
                            while (keys.size() < KEYS_PER_TRANSACTION) {
                                long k = random.nextInt(KEYS);
                                if (!keys.contains(k)) {
                                    keys.add(k);
                                }
                            }
                            try (Connection conn = engine.connect()) {
                                // notice deadlocks quickly (PostgreSQL waits 1 s before it looks): keeps the drill bounded in time
                                for (String sql : quick) {
                                    conn.executeSql(sql);
                                }
                                upsertAll(conn, table, key, hits, lastThread, keys, thread);
                            } catch (DeadlockException e) {
                                deadlocks.incrementAndGet(); // the database chose this transaction as the victim: run it again
                                continue;
                            } catch (RuntimeException e) {
                                unexpected.add(e);
                                return null;
                            }
                            for (long k : keys) {
                                committed.incrementAndGet((int) k);
                            }
                            done++;
                        }
                        return null;
                    }));
                }
                for (Future<?> worker : workers) {
                    worker.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(unexpected).as("every failure must be a DeadlockException").isEmpty();
        Map<Long, Long> held = new HashMap<>();
        try (java.sql.Connection jdbc = db.openJdbc();
             ResultSet rs = jdbc.createStatement().executeQuery("SELECT k, hits FROM upsert_drill")) {
            while (rs.next()) {
                held.put(rs.getLong(1), rs.getLong(2));
            }
        }
        Map<Long, Long> expected = new HashMap<>();
        long total = 0;
        for (int k = 0; k < KEYS; k++) {
            if (committed.get(k) > 0) {
                expected.put((long) k, committed.get(k));
            }
            total += committed.get(k);
        }
        assertThat(held).isEqualTo(expected);
        assertThat(total).isEqualTo((long) THREADS * TRANSACTIONS * KEYS_PER_TRANSACTION);
        System.out.printf("DRILL concurrent-upserts [%s]: %d threads x %d transactions of %d upserts on %d keys = %d upserts,"
                        + " rows exact, %d DeadlockException retries, 0 other errors%n",
                db, THREADS, TRANSACTIONS, KEYS_PER_TRANSACTION, KEYS, total, deadlocks.get());
    }
}
