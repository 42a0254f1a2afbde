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
import java.sql.Statement;
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
        try (Engine engine = Engine.create(db.url(), UNPOOLED)) {
            SchemaDdl.createAll(engine, md);
            try (Connection conn = engine.connect()) {
                first = conn.jdbc();
                assertThat(first.getAutoCommit()).isTrue();
                assertThat(sessionSetting(first, db)).isEqualTo(expectedSessionSetting(db));
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
                assertThat(sessionSetting(second.jdbc(), db)).isEqualTo(expectedSessionSetting(db));
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

    /** What the dialect's session set-up changes: foreign keys on SQLite, UTC on PostgreSQL and MariaDB. */
    private static String sessionSetting(java.sql.Connection c, TestDatabase db) throws Exception {
        String query = switch (db.kind()) {
            case SQLITE -> "PRAGMA foreign_keys";
            case POSTGRESQL -> "SHOW TIME ZONE";
            case MARIADB -> "SELECT @@session.time_zone";
        };
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String expectedSessionSetting(TestDatabase db) {
        return switch (db.kind()) {
            case SQLITE -> "1";
            case POSTGRESQL -> "UTC";
            case MARIADB -> "+00:00";
        };
    }
}
