package dev.ashlar.compliance.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.compliance.Capabilities;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.explain.PlanNode;
import dev.ashlar.core.explain.QueryPlan;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;

/** Runs EXPLAIN on each real database and checks the verdict against what the database planned. */
class ExplainDatabaseTest {
    private static final String LOOKUP_BY_NAME = "SELECT * FROM items WHERE name = ?";
    private static final List<Object> ITEM_777 = List.of("item-777");

    @AllDatabases
    void lookupByNameIsFullScanUntilIndexExists(TestDatabase db) throws SQLException {
        try (Connection c = db.openJdbc()) {
            createItems(db, c);
            assertThat(countRows(c, LOOKUP_BY_NAME, "item-777")).isEqualTo(1);

            QueryPlan before = Capabilities.of(db).planReader().explain(c, LOOKUP_BY_NAME, ITEM_777);
            assertThat(before.dialect()).isEqualTo(db.name());
            assertThat(before.sql()).isEqualTo(LOOKUP_BY_NAME);
            assertThat(before.rawPlan()).containsIgnoringCase("items");
            assertThat(before.hasFullScan()).as(before.render()).isTrue();
            assertThat(before.fullScans()).as(before.render()).containsExactly("items");
            assertThat(before.verdict()).as(before.render()).contains("full scan of items").doesNotContain("ix_items_name");
            assertThat(before.usesIndex("ix_items_name")).isFalse();

            createNameIndex(db, c);
            QueryPlan after = Capabilities.of(db).planReader().explain(c, LOOKUP_BY_NAME, ITEM_777);
            assertThat(after.usesIndex("ix_items_name")).as(after.render()).isTrue();
            assertThat(after.hasFullScan()).as(after.render()).isFalse();
            assertThat(after.fullScans()).isEmpty();
            assertThat(after.verdict()).as(after.render()).isEqualTo("uses index ix_items_name on items");
            assertThat(after.render()).contains("items").endsWith("verdict: uses index ix_items_name on items");
        }
    }

    @AllDatabases
    void primaryKeyLookupUsesThePrimaryKey(TestDatabase db) throws SQLException {
        try (Connection c = db.openJdbc()) {
            createItems(db, c);
            QueryPlan plan = Capabilities.of(db).planReader().explain(c, "SELECT * FROM items WHERE id = ?", List.of(777));
            // the key was declared without a name: the plan names it as the dialect says
            Dialect dialect = Capabilities.of(db);
            String primaryKey = dialect.planReader().primaryKeyIndex(dialect.primaryKeyName("items", null));
            assertThat(plan.hasFullScan()).as(plan.render()).isFalse();
            assertThat(plan.indexesUsed()).as(plan.render()).containsExactly(primaryKey);
            assertThat(plan.verdict()).isEqualTo("uses index " + primaryKey + " on items");
        }
    }

    @AllDatabases
    void joinPlanHasNodesForBothTablesThroughTheirAliases(TestDatabase db) throws SQLException {
        try (Connection c = db.openJdbc()) {
            createItems(db, c);
            createNameIndex(db, c);
            createPicks(db, c);
            // A few picks joined to many items on an indexed column: every planner should read the
            // small table and look each item up through the index.
            String sql = "SELECT i.id, p.label FROM picks AS p JOIN items i ON i.name = p.label WHERE p.id > ?";
            assertThat(countRows(c, sql, 0)).isEqualTo(3);

            QueryPlan plan = Capabilities.of(db).planReader().explain(c, sql, List.of(0));
            assertThat(plan.nodes().stream().map(PlanNode::table).filter(Objects::nonNull).distinct())
                    .as(plan.render()).containsExactlyInAnyOrder("picks", "items");
            assertThat(plan.usesIndex("ix_items_name")).as(plan.render()).isTrue();
            assertThat(plan.fullScans()).as(plan.render()).doesNotContain("items");
            assertThat(plan.verdict()).as(plan.render()).contains("uses index ix_items_name on items");
        }
    }

    @AllDatabases
    void assertionHelpersFailWithThePlanAndPassOnceIndexed(TestDatabase db) throws SQLException {
        try (Connection c = db.openJdbc()) {
            createItems(db, c);
            QueryPlan scan = Capabilities.of(db).planReader().explain(c, LOOKUP_BY_NAME, ITEM_777);
            assertThatThrownBy(() -> scan.assertUsesIndex("ix_items_name")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("ix_items_name")
                    .hasMessageContaining(LOOKUP_BY_NAME)
                    .hasMessageContaining(scan.render())
                    .hasMessageContaining("verdict: full scan of items");
            assertThatThrownBy(scan::assertNoFullScan).isInstanceOf(AssertionError.class)
                    .hasMessageContaining(LOOKUP_BY_NAME)
                    .hasMessageContaining(scan.render())
                    .hasMessageContaining("verdict: full scan of items");

            createNameIndex(db, c);
            QueryPlan lookup = Capabilities.of(db).planReader().explain(c, LOOKUP_BY_NAME, ITEM_777);
            lookup.assertUsesIndex("ix_items_name");
            lookup.assertNoFullScan();
            assertThatThrownBy(() -> lookup.assertUsesIndex("ix_no_such_index")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("uses ix_items_name").hasMessageContaining(lookup.render());
        }
    }

    /** items(id, name, price) with rows 1..20,000 named item-1..item-20000, with the statistics the planner reads. */
    private static void createItems(TestDatabase db, Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, price NUMERIC(10,2))");
            insertInBatches(c, "INSERT INTO items (id, name, price) VALUES (?, ?, ?)", 20_000, true);
            s.execute(Capabilities.of(db).analyzeSql("items"));
        }
    }

    /** picks(id, label): three labels that name items, the small side of a join. */
    private static void createPicks(TestDatabase db, Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE picks (id INTEGER PRIMARY KEY, label VARCHAR(100) NOT NULL)");
            s.execute("INSERT INTO picks (id, label) VALUES (1, 'item-1'), (2, 'item-777'), (3, 'item-5000')");
            s.execute(Capabilities.of(db).analyzeSql("picks"));
        }
    }

    private static void createNameIndex(TestDatabase db, Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE INDEX ix_items_name ON items (name)");
            s.execute(Capabilities.of(db).analyzeSql("items"));
        }
    }

    private static void insertInBatches(Connection c, String sql, int rows, boolean commitAtEnd) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (int id = 1; id <= rows; id++) {
                insert.setInt(1, id);
                insert.setString(2, "item-" + id);
                insert.setBigDecimal(3, BigDecimal.valueOf(id * 15L, 1));
                insert.addBatch();
                if (id % 5_000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            if (commitAtEnd) {
                c.commit();
            }
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static int countRows(Connection c, String sql, Object parameter) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                int count = 0;
                while (rows.next()) {
                    count++;
                }
                return count;
            }
        }
    }
}
