package dev.ashlar.orm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.declarative.Id;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.ModelRegistry;
import dev.ashlar.declarative.Version;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drill: many threads increment one versioned counter, each increment read and written through its
 * own session, retrying on conflict. No update may be lost (the final value is exactly the number of
 * increments) and every conflict must surface as a {@link StaleObjectException}: any other
 * exception fails the drill. The figures are printed for the README's "Guarantees" section.
 */
class LostUpdateDrillTest {
    static final int THREADS = 16;
    static final int INCREMENTS = 40;

    @Model(table = "drill_counter")
    static class Counter {
        @Id Long id;
        long value;
        @Version long version;

        Counter() {
        }
    }

    static final ModelRegistry REGISTRY = new ModelRegistry(new MetaData());

    static {
        REGISTRY.of(Counter.class);
    }

    @AllDatabases
    void concurrentVersionedIncrementsLoseNothingAndConflictsAreStale(TestDatabase db) throws Exception {
        SessionOptions options = SessionOptions.defaults().registry(REGISTRY);
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, REGISTRY.metadata());
            long id;
            try (Session session = Session.open(engine, options)) {
                Counter counter = new Counter();
                session.add(counter);
                session.commit();
                id = counter.id;
            }
            AtomicInteger stale = new AtomicInteger();
            ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
            CyclicBarrier start = new CyclicBarrier(THREADS);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    workers.add(pool.submit(() -> {
                        start.await();
                        for (int done = 0; done < INCREMENTS; ) {
                            try (Session session = Session.open(engine, options)) {
                                Counter counter = session.get(Counter.class, id);
                                counter.value++;
                                session.commit();
                                done++;
                            } catch (StaleObjectException e) {
                                stale.incrementAndGet(); // someone wrote first: read again and retry
                            } catch (RuntimeException e) {
                                unexpected.add(e);
                                return null;
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> worker : workers) {
                    worker.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(unexpected).as("every conflict must be a StaleObjectException").isEmpty();
            long total = (long) THREADS * INCREMENTS;
            try (Connection jdbc = db.openJdbc();
                 ResultSet rs = jdbc.createStatement().executeQuery("SELECT value, version FROM drill_counter WHERE id = " + id)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("no lost update").isEqualTo(total);
                assertThat(rs.getLong(2)).isEqualTo(1 + total);
            }
            System.out.printf("DRILL lost-update [%s]: %d threads x %d increments = %d, final value %d, %d StaleObjectException retries, 0 other errors%n",
                    db, THREADS, INCREMENTS, total, total, stale.get());
        }
    }
}
