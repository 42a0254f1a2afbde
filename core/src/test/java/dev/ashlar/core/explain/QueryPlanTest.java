package dev.ashlar.core.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryPlanTest {
    private static final PlanNode SCAN_ORDERS = new PlanNode("Seq Scan", "orders", null, true, 1000.0, 15.5, "{}", List.of());
    private static final PlanNode LOOKUP_ITEMS =
            new PlanNode("Index Scan", "items", "ix_items_name", false, 1.0, null, "{}", List.of());
    private static final PlanNode JOIN = new PlanNode("Nested Loop", null, null, false, null, null, "", List.of(SCAN_ORDERS, LOOKUP_ITEMS));

    @Test
    void verdictNamesFullScansAndIndexesInPlanOrder() {
        QueryPlan plan = new QueryPlan("test", "SELECT 1", List.of(JOIN), "raw");
        assertThat(plan.verdict()).isEqualTo("full scan of orders; uses index ix_items_name on items");
        assertThat(plan.fullScans()).containsExactly("orders");
        assertThat(plan.indexesUsed()).containsExactly("ix_items_name");
        assertThat(plan.usesIndex("IX_ITEMS_NAME")).isTrue();
        assertThat(plan.usesIndex("ix_other")).isFalse();
        assertThat(plan.hasFullScan()).isTrue();
        assertThat(plan.nodes()).containsExactly(JOIN, SCAN_ORDERS, LOOKUP_ITEMS);
    }

    @Test
    void fullWalkOfIndexIsReportedAsBoth() {
        PlanNode walk = new PlanNode("SCAN", "items", "ix_items_name", true, null, null, "SCAN items USING COVERING INDEX ix_items_name", List.of());
        QueryPlan plan = new QueryPlan("test", "SELECT name FROM items", List.of(walk), "");
        assertThat(plan.verdict()).isEqualTo("full scan of items through index ix_items_name");
        assertThat(plan.usesIndex("ix_items_name")).isTrue();
        assertThat(plan.fullScans()).containsExactly("items");
    }

    @Test
    void planWithoutTablesSaysSo() {
        QueryPlan plan = new QueryPlan("test", "SELECT 1", List.of(new PlanNode("Result", null, null, false, 1.0, 0.01, "", List.of())), "");
        assertThat(plan.verdict()).isEqualTo("no full scan and no index");
        assertThat(plan.hasFullScan()).isFalse();
        plan.assertNoFullScan();
    }

    @Test
    void rendersIndentedTreeAndVerdict() {
        QueryPlan plan = new QueryPlan("test", "SELECT 1", List.of(JOIN), "raw");
        assertThat(plan.render()).isEqualTo("""
                Nested Loop
                  Seq Scan on orders [full scan] (rows=1000, cost=15.5)  -- {}
                  Index Scan on items using ix_items_name (rows=1)  -- {}
                verdict: full scan of orders; uses index ix_items_name on items""");
        assertThat(plan).hasToString(plan.render());
    }

    @Test
    void assertionsFailWithSqlPlanAndVerdict() {
        QueryPlan plan = new QueryPlan("test", "SELECT * FROM orders JOIN items", List.of(JOIN), "raw");
        plan.assertUsesIndex("ix_items_name");
        assertThatThrownBy(plan::assertNoFullScan).isInstanceOf(AssertionError.class)
                .hasMessageContaining("SELECT * FROM orders JOIN items")
                .hasMessageContaining("Seq Scan on orders [full scan]")
                .hasMessageContaining("verdict: full scan of orders; uses index ix_items_name on items");
        assertThatThrownBy(() -> plan.assertUsesIndex("ix_orders_item")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ix_orders_item").hasMessageContaining("uses ix_items_name")
                .hasMessageContaining("Index Scan on items using ix_items_name");
    }

    @Test
    void fullScanMustNameTable() {
        assertThatThrownBy(() -> new PlanNode("SCAN", null, null, true, null, null, "x", List.of()))
                .isInstanceOf(dev.ashlar.core.error.AshlarException.class);
    }
}
