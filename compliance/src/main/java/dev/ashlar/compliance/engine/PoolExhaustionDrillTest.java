package dev.ashlar.compliance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.EngineOptions;
import dev.ashlar.core.engine.PoolStats;
import dev.ashlar.core.engine.Result;
import dev.ashlar.core.error.ConnectionException;
import dev.ashlar.core.error.PoolExhaustedException;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Drill: more threads than connections, some holding theirs. Every thread that cannot get one fails
 * with a {@link PoolExhaustedException} (not a {@link ConnectionException}: the server is fine) that
 * names the pool's size and what to change; once the holders let go, the pool reports no connection
 * in use and no thread waiting, and serves again.
 */
class PoolExhaustionDrillTest {
    private static final int POOL = 2;
    private static final int WAITERS = 6;

    @AllDatabases
    void threadsBeyondThePoolFailTypedAndThePoolRecovers(TestDatabase db) throws Exception {
        EngineOptions options = EngineOptions.defaults().poolSize(POOL).connectTimeout(Duration.ofSeconds(2));
        ExecutorService threads = Executors.newFixedThreadPool(POOL + WAITERS);
        try (Engine engine = Engine.create(db.url(), options)) {
            CountDownLatch held = new CountDownLatch(POOL);
            CountDownLatch waitersDone = new CountDownLatch(WAITERS);
            List<Future<?>> holders = new ArrayList<>();
            for (int i = 0; i < POOL; i++) {
                holders.add(threads.submit(() -> {
                    try (Connection conn = engine.connect(); Result r = conn.sql("SELECT 1 AS one", Map.of())) {
                        r.list();
                        held.countDown();
                        // hold the connection until every waiter has failed
                        assertThat(waitersDone.await(60, TimeUnit.SECONDS)).isTrue();
                    }
                    return null;
                }));
            }
            while (!held.await(100, TimeUnit.MILLISECONDS)) {
                for (Future<?> holder : holders) {
                    if (holder.isDone()) {
                        holder.get(); // a holder that failed to connect: its error ends the test
                    }
                }
            }
            assertThat(engine.pool().active()).isEqualTo(POOL);
            List<Future<Throwable>> waiters = new ArrayList<>();
            for (int i = 0; i < WAITERS; i++) {
                waiters.add(threads.submit(() -> {
                    try (Connection conn = engine.connect()) {
                        return (Throwable) null;
                    } catch (RuntimeException e) {
                        return e;
                    } finally {
                        waitersDone.countDown();
                    }
                }));
            }
            int typed = 0;
            for (Future<Throwable> waiter : waiters) {
                Throwable failure = waiter.get(60, TimeUnit.SECONDS);
                typed += failure instanceof PoolExhaustedException ? 1 : 0;
                assertThat(failure).isInstanceOf(PoolExhaustedException.class).isNotInstanceOf(ConnectionException.class)
                        .hasMessageContaining("all " + POOL + " connections of the pool were in use")
                        .hasMessageContaining("EngineOptions.poolSize");
                assertThat(((PoolExhaustedException) failure).poolSize()).isEqualTo(POOL);
            }
            for (Future<?> holder : holders) {
                holder.get(60, TimeUnit.SECONDS);
            }
            PoolStats after = engine.pool();
            assertThat(after.active()).isZero();
            assertThat(after.waiting()).isZero();
            assertThat(after.maximum()).isEqualTo(POOL);
            System.out.printf("DRILL pool exhaustion [%s]: pool %d, %d waiters, %d of %d PoolExhaustedException, afterwards %s%n",
                    db, POOL, WAITERS, typed, WAITERS, after);
            try (Connection again = engine.connect(); Result r = again.sql("SELECT 2 AS two", Map.of())) {
                assertThat(((Number) r.one().get(0)).intValue()).isEqualTo(2);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
