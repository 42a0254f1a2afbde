package dev.ashlar.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.types.Types;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's table rebuild keeps what hangs off the table, as SQLite stored it. The cross-database
 * guarantees (rows, cascading children, views) are in {@link TableChangeTest}; these are the parts
 * only SQLite has or writes differently: AUTOINCREMENT and its sequence, triggers, partial and
 * expression indexes, collations and CHECKs written inside a column definition.
 */
class SqliteRebuildTest {
    @Revision(id = "s1_price", message = "price becomes NOT NULL with a default")
    public static final class RequirePrice implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.alterColumn("items", Column.of("price", Types.integer()), Column.of("price", Types.integer()).notNull());
            op.addCheck("items", "ck_items_price_positive", "price > 0");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropCheck("items", "ck_items_price_positive");
            op.alterColumn("items", Column.of("price", Types.integer()).notNull(), Column.of("price", Types.integer()));
        }
    }

    @Test
    void aRebuildKeepsSequenceTriggersIndexesCollationsAndColumnChecks(@TempDir Path dir) throws SQLException {
        String file = dir.resolve("shop.db").toString();
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL COLLATE NOCASE "
                    + "CHECK (length(name) > 0), price INTEGER, sold INTEGER NOT NULL DEFAULT 0)");
            s.execute("CREATE TABLE audit (what TEXT)");
            s.execute("CREATE TRIGGER items_audit AFTER INSERT ON items BEGIN INSERT INTO audit (what) VALUES (new.name); END");
            s.execute("CREATE INDEX ix_items_unsold ON items (name) WHERE sold = 0");
            s.execute("CREATE INDEX ix_items_lower ON items (lower(name))");
            s.execute("INSERT INTO items (name, price) VALUES ('a', 1), ('b', 2), ('c', 3)");
            s.execute("DELETE FROM items WHERE name = 'c'"); // the sequence stays at 3
        }
        try (Engine engine = Engine.create("sqlite:///" + file)) {
            assertThat(Migrator.of(engine, List.of(RequirePrice.class)).upgrade().done()).containsExactly("s1_price");
        }
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            String table = one(s, "SELECT sql FROM sqlite_master WHERE name = 'items'");
            assertThat(table).contains("AUTOINCREMENT").contains("COLLATE NOCASE").contains("CHECK (length(name) > 0)")
                    .contains("CHECK (price > 0)");
            assertThat(one(s, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ('ix_items_unsold', 'ix_items_lower')"))
                    .isEqualTo("2");
            assertThat(one(s, "SELECT sql FROM sqlite_master WHERE name = 'ix_items_unsold'")).contains("WHERE sold = 0");
            assertThat(one(s, "SELECT seq FROM sqlite_sequence WHERE name = 'items'")).isEqualTo("3");

            s.execute("INSERT INTO items (name, price) VALUES ('d', 4)");
            assertThat(one(s, "SELECT id FROM items WHERE name = 'D'")).as("AUTOINCREMENT and NOCASE kept").isEqualTo("4");
            assertThat(one(s, "SELECT group_concat(what) FROM audit")).as("the trigger still fires").isEqualTo("a,b,c,d");
            assertThatThrownBy(() -> s.execute("INSERT INTO items (name, price) VALUES ('', 5)")).hasMessageContaining("CHECK");
            assertThatThrownBy(() -> s.execute("INSERT INTO items (name, price) VALUES ('e', 0)")).hasMessageContaining("CHECK");
            assertThatThrownBy(() -> s.execute("INSERT INTO items (name) VALUES ('f')")).hasMessageContaining("NOT NULL");
        }
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }
}
