package dev.ashlar.compliance.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.EngineOptions;
import dev.ashlar.core.engine.PoolStats;
import dev.ashlar.core.engine.Result;
import dev.ashlar.core.engine.Transaction;
import dev.ashlar.core.error.ConnectionException;
import dev.ashlar.testkit.ServerDatabases;
import dev.ashlar.testkit.TestDatabase;
import dev.ashlar.testkit.TestSetupException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Drill: the server ends a session in the middle of a transaction (PostgreSQL's
 * {@code pg_terminate_backend}, MariaDB's {@code KILL}). The next statement fails with a typed
 * {@link ConnectionException}; closing the transaction and the connection adds no second error;
 * nothing of the transaction is left written; the pool drops the dead connection; the next
 * {@code connect()} works.
 */
class ConnectionLossDrillTest {
    /** The server's id of the session behind {@code conn}. */
    private static long sessionId(TestDatabase db, Connection conn) {
        String sql = db.vendor().sessionId().orElseThrow(() -> new TestSetupException(db + " has no server sessions to end: VendorSql.sessionId() is empty"));
        try (Result r = conn.sql(sql, Map.of())) {
            return ((Number) r.one().get(0)).longValue();
        }
    }

    /** Ends session {@code id} from another connection and waits until the server no longer lists it. */
    private static void kill(TestDatabase db, long id) throws SQLException {
        try (java.sql.Connection admin = db.openJdbc()) {
            try (PreparedStatement ps = admin.prepareStatement(db.vendor().killSession())) {
                ps.setLong(1, id);
                ps.execute();
            }
            String listed = db.vendor().sessionListed();
            // the server ends the session asynchronously; poll its own list rather than sleep
            for (int i = 0; i < 10_000; i++) {
                try (PreparedStatement ps = admin.prepareStatement(listed)) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) == 0) {
                            return;
                        }
                    }
                }
            }
            throw new AssertionError("session " + id + " is still listed after being killed");
        }
    }

    private static long rows(TestDatabase db) throws SQLException {
        try (java.sql.Connection c = db.openJdbc(); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM drill")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ServerDatabases
    void aSessionKilledMidTransactionFailsTypedLeavesNothingWrittenAndTheNextConnectWorks(TestDatabase db) throws SQLException {
        try (Engine engine = Engine.create(db.url(), EngineOptions.defaults().poolSize(2))) {
            try (Connection setup = engine.connect()) {
                setup.executeSql("CREATE TABLE drill (id INTEGER PRIMARY KEY, note VARCHAR(20))");
            }
            Throwable thrown = catchThrowable(() -> {
                try (Connection conn = engine.connect(); Transaction tx = conn.begin()) {
                    conn.sql("INSERT INTO drill (id, note) VALUES (:id, 'first')", Map.of("id", 1));
                    kill(db, sessionId(db, conn));
                    conn.sql("INSERT INTO drill (id, note) VALUES (:id, 'second')", Map.of("id", 2));
                    tx.commit();
                }
            });
            assertThat(thrown).as("the statement after the kill").isInstanceOf(ConnectionException.class);
            assertThat(thrown.getSuppressed()).as("closing the transaction and the connection adds no second error").isEmpty();
            assertThat(((ConnectionException) thrown).sql()).contains("'second'");
            assertThat(rows(db)).as("nothing of the killed transaction is written").isZero();
            assertThat(engine.pool().active()).isZero();

            // the dead connection left the pool: every later borrower gets a live one
            for (int i = 0; i < 3; i++) {
                try (Connection next = engine.connect(); Transaction tx = next.begin()) {
                    next.sql("INSERT INTO drill (id, note) VALUES (:id, 'after')", Map.of("id", 10 + i));
                    tx.commit();
                }
            }
            assertThat(rows(db)).isEqualTo(3);
            System.out.printf("DRILL connection loss [%s]: %s, %d suppressed, 0 rows of the killed transaction, 3 of 3 connects after%n",
                    db, thrown.getClass().getSimpleName(), thrown.getSuppressed().length);
        }
    }

    /**
     * The session ends itself while its own statement runs. Ashlar takes nothing out of the pool by
     * hand: the failure passes through the pool's proxy, and the pool evicts the connection itself. With
     * one connection in the pool, a dead one handed out again would fail the next query.
     */
    @ServerDatabases
    void aConnectionKilledMidStatementLeavesThePoolByItsOwnEvictionAndIsReplaced(TestDatabase db) {
        String selfKill = db.vendor().killOwnSession();
        try (Engine engine = Engine.create(db.url(), EngineOptions.defaults().poolSize(1))) {
            long first;
            Throwable thrown;
            PoolStats duringLoss;
            try (Connection conn = engine.connect()) {
                first = sessionId(db, conn);
                thrown = catchThrowable(() -> conn.executeSql(selfKill));
                // the pool saw the failure through its proxy and has already let the connection go, though
                // the caller still holds it: no longer lent, not idle (a replacement may be opening)
                duringLoss = engine.pool();
                assertThat(duringLoss.active()).isZero();
            }
            assertThat(thrown).as("the statement the session died in").isInstanceOf(ConnectionException.class);
            assertThat(((ConnectionException) thrown).sql()).isEqualTo(selfKill);
            PoolStats afterLoss = engine.pool();
            assertThat(afterLoss.active()).isZero();
            try (Connection next = engine.connect(); Result r = next.sql("SELECT 2 AS two", Map.of())) {
                assertThat(((Number) r.one().get(0)).intValue()).isEqualTo(2);
                assertThat(sessionId(db, next)).as("a new session, not the dead one").isNotEqualTo(first);
            }
            assertThat(engine.pool()).isEqualTo(new PoolStats(0, 1, 0, 1));
            System.out.printf("DRILL killed mid-statement [%s]: %s; pool while held %s, after close %s, after the next query %s%n",
                    db, thrown.getClass().getSimpleName(), duringLoss, afterLoss, engine.pool());
        }
    }

    @ServerDatabases
    void afterALossTheErrorNamesTheStatementSentAndCloseIsQuiet(TestDatabase db) throws SQLException {
        try (Engine engine = Engine.create(db.url())) {
            Connection conn = engine.connect();
            Transaction outer = conn.begin();
            conn.sql("SELECT 1", Map.of()).close();
            kill(db, sessionId(db, conn));
            // the savepoint is what is sent, so the error names it, not BEGIN
            assertThatThrownBy(conn::begin).isInstanceOf(ConnectionException.class)
                    .satisfies(e -> assertThat(((ConnectionException) e).sql()).isEqualTo("SAVEPOINT ashlar_sp_1"))
                    .hasMessageContaining("[SQL: SAVEPOINT ashlar_sp_1]");
            // a commit after the loss cannot succeed and says why; a rollback and the closes are quiet
            assertThatThrownBy(outer::commit).isInstanceOf(ConnectionException.class).hasMessageContaining("nothing was committed");
            conn.close();
            assertThat(engine.pool().active()).isZero();
            try (Connection next = engine.connect(); Result r = next.sql("SELECT 2 AS two", Map.of())) {
                assertThat(((Number) r.one().get(0)).intValue()).isEqualTo(2);
            }
        }
    }

    @ServerDatabases
    void prePingReplacesAPooledConnectionWhoseSessionDiedWhileIdle(TestDatabase db) throws SQLException {
        try (Engine engine = Engine.create(db.url(), EngineOptions.defaults().poolSize(1).prePing(true))) {
            long first;
            try (Connection conn = engine.connect()) {
                first = sessionId(db, conn);
            }
            assertThat(engine.pool().idle()).isEqualTo(1);
            kill(db, first);
            try (Connection conn = engine.connect()) {
                assertThat(sessionId(db, conn)).as("a new session, not the dead one").isNotEqualTo(first);
            }
            assertThat(engine.pool()).isEqualTo(new PoolStats(0, 1, 0, 1));
        }
    }

    @ServerDatabases
    void statementsOnAClosedConnectionFailWithConnectionClosed(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            Connection conn = engine.connect();
            conn.close();
            for (Runnable use : List.<Runnable>of(() -> conn.sql("SELECT 1", Map.of()), () -> conn.executeSql("SELECT 1"),
                    () -> conn.explain("SELECT 1", List.of()), conn::begin)) {
                assertThatThrownBy(use::run).isInstanceOf(dev.ashlar.core.error.ConnectionClosedException.class)
                        .hasMessageContaining("engine.connect()");
            }
        }
    }
}
