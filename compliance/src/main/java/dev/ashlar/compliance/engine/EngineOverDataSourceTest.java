package dev.ashlar.compliance.engine;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.EngineOptions;
import dev.ashlar.core.engine.Transaction;
import dev.ashlar.core.error.ConfigurationException;
import dev.ashlar.core.error.UniqueViolationException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import dev.ashlar.testkit.TestDatabases;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * An engine over a data source the caller made: the dialect from the connection's metadata, the
 * caller's pool left open, Ashlar's session settings on borrowed connections, and a transaction that
 * a framework manages joined rather than ended. Plus the pool settings of an engine made from a URL.
 */
class EngineOverDataSourceTest {
    private final MetaData md = new MetaData();
    private final Column<Long> id = Column.of("id", bigInteger()).primaryKey();
    private final Column<String> text = Column.of("text", string(100)).notNull();
    private final Table notes = md.table("notes", id, text);

    @AllDatabases
    void findsTheDialectInTheMetadataAndLeavesTheCallersPoolOpen(TestDatabase db) throws SQLException {
        try (HikariDataSource pool = callersPool(db, null)) {
            try (Engine engine = Engine.create(pool, EngineOptions.defaults());
                 Engine byUrl = Engine.create(db.url())) {
                assertThat(engine.dialect().getClass()).isEqualTo(byUrl.dialect().getClass());
                assertThat(engine.dataSource()).isSameAs(pool);
                assertThat(engine.url()).isNull();
                SchemaDdl.createAll(engine, md);
                engine.inTransaction(conn -> conn.execute(insertInto(notes).set(id, 1L).set(text, "kept")));
            }
            assertThat(pool.isClosed()).as("closing the engine leaves the caller's pool open").isFalse();
            try (java.sql.Connection c = pool.getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT text FROM notes")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("kept");
            }
        }
    }

    @AllDatabases
    void borrowedConnectionsGetTheSessionSettingsOfAshlarsOwnPool(TestDatabase db) throws SQLException {
        List<String> own;
        try (Engine byUrl = Engine.create(db.url()); Connection conn = byUrl.connect()) {
            own = settings(conn.jdbc(), db);
        }
        try (HikariDataSource pool = callersPool(db, db.vendor().foreignSessionSettings().orElse(null))) {
            try (java.sql.Connection raw = pool.getConnection()) {
                assertThat(settings(raw, db)).as("the caller's pool starts elsewhere").isNotEqualTo(own);
            }
            try (Engine engine = Engine.create(pool, EngineOptions.defaults())) {
                for (int i = 0; i < 3; i++) {
                    try (Connection conn = engine.connect()) {
                        assertThat(settings(conn.jdbc(), db)).isEqualTo(own);
                    }
                }
            }
        }
    }

    @AllDatabases
    void aManagedTransactionIsJoinedAndLeftToItsOwner(TestDatabase db) throws SQLException {
        try (Engine setup = Engine.create(db.url())) {
            SchemaDdl.createAll(setup, md);
        }
        for (boolean ownerCommits : new boolean[]{false, true}) {
            try (java.sql.Connection held = db.openJdbc()) {
                held.setAutoCommit(false); // the framework began a transaction
                DataSource framework = new OneConnection(held);
                try (Engine engine = Engine.create(framework, EngineOptions.defaults().managedTransactions(c -> true))) {
                    long key = ownerCommits ? 2L : 1L;
                    engine.inTransaction(conn -> {
                        assertThat(conn.inTransaction()).isTrue();
                        conn.execute(insertInto(notes).set(id, key).set(text, "in the owner's transaction"));
                    });
                    try (Connection conn = engine.connect(); Transaction tx = conn.begin()) {
                        assertThat(tx.isNested()).as("a savepoint in the managed transaction").isTrue();
                        conn.execute(insertInto(notes).set(id, 10 + key).set(text, "rolled back to its savepoint"));
                    }
                    assertThat(held.getAutoCommit()).as("Ashlar left the transaction open").isFalse();
                    assertThat(ids(held)).as("the owner sees the joined write, not the rolled back one").containsExactly(key);
                    assertThat(committedIds(db)).doesNotContain(key);
                }
                if (ownerCommits) {
                    held.commit();
                } else {
                    held.rollback();
                }
            }
        }
        assertThat(committedIds(db)).as("only the write whose owner committed stays").containsExactly(2L);
    }

    /**
     * A savepoint released in a managed transaction is gone from the server when the connection goes
     * back to its owner, though no later savepoint took its {@code RELEASE} along: the owner's own
     * savepoints must not nest inside Ashlar's.
     */
    @AllDatabases
    void aSavepointReleasedInAManagedTransactionIsGoneWhenTheConnectionGoesBack(TestDatabase db) throws SQLException {
        try (java.sql.Connection held = heldInAFrameworksTransaction(db)) {
            try (Engine engine = joining(held)) {
                engine.inTransaction(conn -> conn.execute(insertInto(notes).set(id, 1L).set(text, "released into the owner's transaction")));
            }
            assertThat(ids(held)).as("the released savepoint's write is the owner's").containsExactly(1L);
            assertThatThrownBy(() -> held.createStatement().execute("RELEASE SAVEPOINT ashlar_sp_1"))
                    .as("no savepoint of Ashlar's is left on the server").isInstanceOf(SQLException.class);
            held.rollback();
        }
    }

    /**
     * A statement that fails after a savepoint was released leaves PostgreSQL's transaction taking no
     * more statements, the waiting release included: closing the connection still succeeds, and the
     * framework rolls back as it would have.
     */
    @AllDatabases
    void closingAfterAFailedStatementInAManagedTransactionSucceeds(TestDatabase db) throws SQLException {
        try (java.sql.Connection held = heldInAFrameworksTransaction(db)) {
            try (Engine engine = joining(held)) {
                Connection conn = engine.connect();
                try (Transaction tx = conn.begin()) {
                    conn.execute(insertInto(notes).set(id, 1L).set(text, "released"));
                    tx.commit();
                }
                assertThatThrownBy(() -> conn.execute(insertInto(notes).set(id, 1L).set(text, "a duplicate key")))
                        .isInstanceOf(UniqueViolationException.class);
                conn.close();
            }
            held.rollback();
            assertThat(ids(held)).as("the framework's rollback ends everything").isEmpty();
        }
    }

    @AllDatabases
    void settingsHoldAfterAManagedTransactionThatSetThemRolledBack(TestDatabase db) throws SQLException {
        List<String> own;
        try (Engine byUrl = Engine.create(db.url()); Connection conn = byUrl.connect()) {
            own = settings(conn.jdbc(), db);
        }
        try (java.sql.Connection held = db.openJdbc()) {
            java.util.Optional<String> other = db.vendor().foreignSessionSettings();
            if (other.isPresent()) {
                held.createStatement().execute(other.get());
            }
            boolean[] managed = {true};
            held.setAutoCommit(false);
            try (Engine engine = Engine.create(new OneConnection(held), EngineOptions.defaults().managedTransactions(c -> managed[0]))) {
                try (Connection conn = engine.connect()) {
                    conn.sql("SELECT 1", Map.of()).one();
                }
                held.rollback();
                held.setAutoCommit(true);
                managed[0] = false;
                try (Connection conn = engine.connect()) {
                    assertThat(settings(conn.jdbc(), db)).isEqualTo(own);
                }
            }
        }
    }

    @Test
    void poolSettingsReachTheEnginesOwnPool() throws SQLException {
        EngineOptions options = EngineOptions.defaults().poolSize(3).minimumIdle(1).connectTimeout(Duration.ofSeconds(2))
                .idleTimeout(Duration.ofSeconds(45)).maxLifetime(Duration.ofMinutes(5)).leakDetectionThreshold(Duration.ofSeconds(20));
        String url = TestDatabases.sqlite().url(); // any database: these are the pool's own settings
        try (Engine engine = Engine.create(url, options)) {
            HikariDataSource pool = engine.dataSource().unwrap(HikariDataSource.class);
            assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
            assertThat(pool.getMinimumIdle()).isEqualTo(1);
            assertThat(pool.getConnectionTimeout()).isEqualTo(2_000);
            assertThat(pool.getIdleTimeout()).isEqualTo(45_000);
            assertThat(pool.getMaxLifetime()).isEqualTo(300_000);
            assertThat(pool.getLeakDetectionThreshold()).isEqualTo(20_000);
        }
        EngineOptions defaults = EngineOptions.defaults();
        assertThat(List.of(defaults.poolSize(), defaults.minimumIdle())).containsExactly(10, 0);
        assertThat(List.of(defaults.connectTimeout(), defaults.idleTimeout(), defaults.maxLifetime(), defaults.leakDetectionThreshold()))
                .containsExactly(Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ZERO);
    }

    @Test
    void poolSettingsHikariWouldQuietlyIgnoreAreRefused() {
        assertThatThrownBy(() -> EngineOptions.defaults().idleTimeout(Duration.ofSeconds(5)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("idleTimeout must be at least 10 seconds");
        assertThatThrownBy(() -> EngineOptions.defaults().maxLifetime(Duration.ofSeconds(1)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("maxLifetime must be at least 30 seconds");
        assertThatThrownBy(() -> EngineOptions.defaults().leakDetectionThreshold(Duration.ofMillis(500)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("leakDetectionThreshold must be at least 2 seconds");
        assertThatThrownBy(() -> EngineOptions.defaults().minimumIdle(-1))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("minimumIdle");
        assertThat(EngineOptions.defaults().leakDetectionThreshold(Duration.ZERO).leakDetectionThreshold()).isZero();
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** A HikariCP pool as an application makes it, knowing nothing of Ashlar; {@code initSql} runs on each new connection. */
    private static HikariDataSource callersPool(TestDatabase db, String initSql) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(2);
        if (initSql != null) {
            config.setConnectionInitSql(initSql);
        }
        return new HikariDataSource(config);
    }

    /** The session settings Ashlar's pool gives its connections, read back from the database with the vendor's queries. */
    private static List<String> settings(java.sql.Connection c, TestDatabase db) throws SQLException {
        List<String> values = new ArrayList<>();
        for (String query : db.vendor().sessionSettings()) {
            try (ResultSet rs = c.createStatement().executeQuery(query)) {
                rs.next();
                values.add(query + " = " + rs.getString(1));
            }
        }
        return values;
    }

    /** The notes table made, then a connection in a transaction that a framework began. */
    private java.sql.Connection heldInAFrameworksTransaction(TestDatabase db) throws SQLException {
        try (Engine setup = Engine.create(db.url())) {
            SchemaDdl.createAll(setup, md);
        }
        java.sql.Connection held = db.openJdbc();
        held.setAutoCommit(false);
        return held;
    }

    /** An engine over {@code held} alone that joins its transaction as a framework's. */
    private static Engine joining(java.sql.Connection held) {
        return Engine.create(new OneConnection(held), EngineOptions.defaults().managedTransactions(c -> true));
    }

    private static List<Long> ids(java.sql.Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT id FROM notes ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static List<Long> committedIds(TestDatabase db) throws SQLException {
        try (java.sql.Connection c = db.openJdbc()) {
            return ids(c);
        }
    }

    /**
     * A framework's data source inside one of its transactions: it hands out the one connection it
     * holds, and closing what it handed out does not close that connection (as Spring's does).
     */
    private static final class OneConnection implements DataSource {
        private final java.sql.Connection held;

        OneConnection(java.sql.Connection held) {
            this.held = held;
        }

        @Override
        public java.sql.Connection getConnection() {
            return (java.sql.Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{java.sql.Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        try {
                            return method.invoke(held, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public java.sql.Connection getConnection(String user, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
