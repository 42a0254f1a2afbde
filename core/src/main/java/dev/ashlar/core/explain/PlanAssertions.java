package dev.ashlar.core.explain;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.sql.Select;

/**
 * EXPLAIN as test assertions: {@code assertUsesIndex(engine, query, "ix_items_name")} fails with the
 * SQL, the plan and the verdict when the database would not use that index for the query. Plain
 * {@link AssertionError}s, so they work with any test framework.
 */
public final class PlanAssertions {
    private PlanAssertions() {
    }

    /** Fails unless the database's plan for {@code query} uses {@code indexName}. */
    public static QueryPlan assertUsesIndex(Engine engine, Select query, String indexName) {
        try (Connection connection = engine.connect()) {
            return assertUsesIndex(connection, query, indexName);
        }
    }

    /** Fails unless the database's plan for {@code query} uses {@code indexName}. */
    public static QueryPlan assertUsesIndex(Connection connection, Select query, String indexName) {
        QueryPlan plan = connection.explain(query);
        plan.assertUsesIndex(indexName);
        return plan;
    }

    /** Fails if the database's plan for {@code query} reads any table by a full scan. */
    public static QueryPlan assertNoFullScan(Engine engine, Select query) {
        try (Connection connection = engine.connect()) {
            return assertNoFullScan(connection, query);
        }
    }

    /** Fails if the database's plan for {@code query} reads any table by a full scan. */
    public static QueryPlan assertNoFullScan(Connection connection, Select query) {
        QueryPlan plan = connection.explain(query);
        plan.assertNoFullScan();
        return plan;
    }
}
