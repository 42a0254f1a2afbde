package dev.ashlar.compliance.engine;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.EngineOptions;
import dev.ashlar.core.engine.Transaction;
import dev.ashlar.core.error.ConnectionException;
import dev.ashlar.core.error.UniqueViolationException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An engine without a pool ({@code EngineOptions.defaults().pooled(false)}): each connect opens a
 * new driver connection, set up as pooled ones are, and closing it closes it.
 */
class UnpooledEngineTest {
    private static final EngineOptions UNPOOLED = EngineOptions.defaults().pooled(false);

    @AllDatabases
    void eachConnectOpensASetUpConnectionThatCloseCloses(TestDatabase db) throws Exception {
        MetaData md = new MetaData();
        Column<Long> id = Column.of("id", bigInteger()).primaryKey();
        Column<String> name = Column.of("name", string(40)).notNull().unique();
        Table items = md.table("items", id, name);
        java.sql.Connection first;
        List<String> pooled;
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            pooled = sessionSettings(conn.jdbc(), db);
        }
        try (java.sql.Connection plain = db.openJdbc(); Statement s = plain.createStatement()) {
            db.vendor().foreignSessionSettings().ifPresent(sql -> execute(s, sql));
            assertThat(sessionSettings(plain, db)).as("a connection Ashlar did not set up").isNotEqualTo(pooled);
        }
        try (Engine engine = Engine.create(db.url(), UNPOOLED)) {
            SchemaDdl.createAll(engine, md);
            try (Connection conn = engine.connect()) {
                first = conn.jdbc();
                assertThat(first.getAutoCommit()).isTrue();
                assertThat(sessionSettings(first, db)).as("set up as the pool sets up its connections").isEqualTo(pooled);
                try (Transaction tx = conn.begin()) {
                    conn.execute(insertInto(items).set(id, 1L).set(name, "Widget"));
                    tx.commit();
                }
                // Errors are translated as on a pooled connection.
                assertThatThrownBy(() -> conn.execute(insertInto(items).set(id, 2L).set(name, "Widget")))
                        .isInstanceOf(UniqueViolationException.class);
            }
            assertThat(first.isClosed()).isTrue();
            try (Connection second = engine.connect()) {
                assertThat(second.jdbc()).isNotSameAs(first);
                assertThat(sessionSettings(second.jdbc(), db)).isEqualTo(pooled);
            }
        }
        try (java.sql.Connection c = db.openJdbc(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, name FROM items")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("name")).isEqualTo("Widget");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void anUnreachableServerIsAConnectionException() {
        try (Engine engine = Engine.create("postgresql://postgres@127.0.0.1:1/nothing", UNPOOLED)) {
            assertThatThrownBy(engine::connect).isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("could not connect to postgresql://postgres@127.0.0.1:1/nothing");
        }
    }

    @Test
    void theOptionIsKeptByTheOtherSetters() {
        EngineOptions options = UNPOOLED.echo(true).poolSize(3).driverProperty("a", "b");
        assertThat(options.isPooled()).isFalse();
        assertThat(EngineOptions.defaults().isPooled()).isTrue();
    }

    /**
     * What the dialect's session set-up changes (foreign keys and journal on SQLite, the time zone on
     * PostgreSQL and MariaDB, ...), read back with the vendor's queries.
     */
    private static List<String> sessionSettings(java.sql.Connection c, TestDatabase db) throws SQLException {
        List<String> values = new ArrayList<>();
        for (String query : db.vendor().sessionSettings()) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
                rs.next();
                values.add(query + " = " + rs.getString(1));
            }
        }
        return values;
    }

    private static void execute(Statement s, String sql) {
        try {
            s.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }
}
