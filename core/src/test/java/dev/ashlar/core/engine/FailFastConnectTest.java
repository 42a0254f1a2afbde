package dev.ashlar.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ashlar.core.error.ConnectionException;
import dev.ashlar.core.error.PoolExhaustedException;
import dev.ashlar.testkit.DatabaseKind;
import dev.ashlar.testkit.ServerDatabases;
import dev.ashlar.testkit.TestDatabase;
import dev.ashlar.testkit.TestDatabases;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connect that cannot succeed fails at its first attempt, with a typed error that says what to
 * check, instead of retrying for the whole connect timeout (10 s by default). Attempts are counted
 * where the pool opens connections; elapsed time is asserted only as a loose upper bound.
 */
class FailFastConnectTest {
    /** Far below the 10 s connect timeout, far above one attempt on loopback. */
    private static final long BOUND_MILLIS = 5_000;

    private static ConnectionException connectFails(String url, String hint) {
        try (Engine engine = Engine.create(url)) {
            long start = System.nanoTime();
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(engine::connect);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(thrown).isInstanceOf(ConnectionException.class).isNotInstanceOf(PoolExhaustedException.class)
                    .hasMessageContaining("could not connect to").hasMessageContaining(hint);
            assertThat(engine.failedConnectAttempts()).as("attempts to open a connection").isEqualTo(1);
            assertThat(millis).as("well within the connect timeout").isLessThan(BOUND_MILLIS);
            assertThat(engine.pool().total()).isZero();
            return (ConnectionException) thrown;
        }
    }

    private static String withDatabase(TestDatabase db, String database) {
        EngineUrl url = EngineUrl.parse(db.url());
        return url.scheme() + "://" + url.user() + (url.password() == null ? "" : ":" + url.password()) + "@" + url.host()
                + (url.port() == null ? "" : ":" + url.port()) + "/" + database;
    }

    @ServerDatabases
    void anUnknownDatabaseFailsAtTheFirstAttempt(TestDatabase db) {
        connectFails(withDatabase(db, "ashlar_no_such_database"), "check the database name");
    }

    @ServerDatabases
    void aRefusedPortFailsAtTheFirstAttempt(TestDatabase db) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        EngineUrl url = EngineUrl.parse(db.url());
        connectFails(url.scheme() + "://" + url.user() + "@127.0.0.1:" + port + "/" + url.database(), "server is running");
    }

    @Test
    void anSqliteFileThatCannotBeOpenedFailsAtTheFirstAttempt(@TempDir Path dir) {
        // the driver's first connection unpacks and loads its native library: not part of the bound
        try (Engine warm = Engine.create("sqlite://"); Connection c = warm.connect()) {
            assertThat(c.isClosed()).isFalse();
        }
        connectFails("sqlite:///" + dir.resolve("no/such/directory/x.db"), "check that the database file's directory exists");
    }

    /**
     * The local PostgreSQL trusts loopback connections, so only MariaDB checks a password here. The
     * server's own count of refused connects ({@code Aborted_connects}) must grow by at least the one
     * attempt; other builds on the same server may add theirs, so the exact bound is Ashlar's count.
     */
    @Test
    void aWrongMariaDbPasswordIsTriedOnce() throws SQLException {
        TestDatabase db = TestDatabases.get(DatabaseKind.MARIADB).orElse(null);
        assumeTrue(db != null && db.available() || TestDatabases.ci(), "no MariaDB server here");
        String user = "ashlar_fail_fast_" + TestDatabases.TEST_DATABASE;
        try (java.sql.Connection admin = db.openJdbc(); Statement s = admin.createStatement()) {
            s.execute("DROP USER IF EXISTS '" + user + "'@'%'");
            s.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'right-password'");
            long before = abortedConnects(s);
            EngineUrl url = EngineUrl.parse(db.url());
            ConnectionException e = connectFails("mariadb://" + user + ":wrong-password@" + url.host() + ":" + url.port() + "/"
                    + url.database(), "check the user name and password");
            assertThat(e.vendorCode()).isEqualTo(1045);
            assertThat(abortedConnects(s) - before).isGreaterThanOrEqualTo(1);
        } finally {
            try (java.sql.Connection admin = db.openJdbc(); Statement s = admin.createStatement()) {
                s.execute("DROP USER IF EXISTS '" + user + "'@'%'");
            }
        }
    }

    private static long abortedConnects(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Aborted_connects'")) {
            rs.next();
            return rs.getLong(2);
        }
    }
}
