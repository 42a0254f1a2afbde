package dev.ashlar.core.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.explain.PlanNode;
import dev.ashlar.core.explain.QueryPlan;
import dev.ashlar.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SQLite plan shapes that only SQLite prints: nested lines, temporary B-trees, CTEs, aliases. */
class SqlitePlanReaderTest {
    private Connection connection;

    @BeforeEach
    void createTables() throws SQLException {
        connection = TestDatabases.sqlite().openJdbc();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, price NUMERIC(10,2))");
            s.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL, qty INTEGER NOT NULL)");
            s.execute("CREATE INDEX ix_orders_item ON orders (item_id)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void aliasIsResolvedToTheTableAndKeptInDetail() throws SQLException {
        QueryPlan plan = new SqlitePlanReader().explain(connection, "SELECT * FROM items AS i WHERE i.name = ?", List.of("x"));
        assertThat(plan.roots()).hasSize(1);
        PlanNode scan = plan.roots().get(0);
        assertThat(scan.operation()).isEqualTo("SCAN");
        assertThat(scan.table()).isEqualTo("items");
        assertThat(scan.detail()).isEqualTo("SCAN i");
        assertThat(plan.verdict()).isEqualTo("full scan of items");
    }

    @Test
    void sortStepIsANodeWithoutTable() throws SQLException {
        QueryPlan plan = new SqlitePlanReader().explain(connection, "SELECT * FROM items ORDER BY name", List.of());
        assertThat(plan.nodes()).extracting(PlanNode::operation).containsExactly("SCAN", "USE TEMP B-TREE FOR ORDER BY");
        assertThat(plan.nodes().get(1).table()).isNull();
        assertThat(plan.fullScans()).containsExactly("items");
    }

    @Test
    void materializedCteIsATreeAndItsScanIsNoTableScan() throws SQLException {
        String sql = "WITH totals AS MATERIALIZED (SELECT item_id, SUM(qty) AS n FROM orders GROUP BY item_id) "
                + "SELECT items.name, totals.n FROM totals JOIN items ON items.id = totals.item_id";
        QueryPlan plan = new SqlitePlanReader().explain(connection, sql, List.of());
        PlanNode materialize = plan.roots().stream().filter(n -> n.operation().startsWith("MATERIALIZE")).findFirst().orElseThrow();
        // The CTE's own step reads orders, through the whole of its index (the GROUP BY order).
        assertThat(materialize.children()).extracting(PlanNode::table).containsExactly("orders");
        assertThat(plan.roots()).filteredOn(n -> n.detail().equals("SCAN totals")).singleElement()
                .satisfies(n -> {
                    assertThat(n.table()).isNull();
                    assertThat(n.fullScan()).isFalse();
                });
        assertThat(plan.fullScans()).containsExactly("orders");
        assertThat(plan.usesIndex("PRIMARY KEY")).isTrue();
        assertThat(plan.rawPlan()).contains("MATERIALIZE totals");
    }

    @Test
    void subqueryLinesNestUnderTheirParent() throws SQLException {
        QueryPlan plan = new SqlitePlanReader().explain(connection,
                "SELECT * FROM items WHERE id IN (SELECT item_id FROM orders WHERE qty > ?)", List.of(3));
        PlanNode list = plan.roots().stream().filter(n -> n.operation().contains("SUBQUERY")).findFirst().orElseThrow();
        assertThat(list.children()).extracting(PlanNode::table).containsExactly("orders");
        assertThat(plan.fullScans()).containsExactly("orders");
    }
}
