package dev.ashlar.core.dialect.postgresql;

import dev.ashlar.core.explain.ExplainSupport;
import dev.ashlar.core.explain.PlanNode;
import dev.ashlar.core.explain.PlanReader;
import dev.ashlar.core.explain.QueryPlan;
import dev.ashlar.core.explain.TableAliases;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads PostgreSQL plans with {@code EXPLAIN (FORMAT JSON)}.
 *
 * <p>Each JSON plan node becomes a {@link PlanNode}: {@code Node Type} is the operation,
 * {@code Relation Name} the table, {@code Index Name} the index, {@code Plan Rows} the row
 * estimate, {@code Total Cost} the cost and {@code Plans} the children. A {@code Seq Scan} is a
 * full scan. An {@code Index Scan} or {@code Index Only Scan} without an {@code Index Cond} walks
 * the whole index (for an ORDER BY, say), so it is a full scan through that index; with a condition
 * it is a lookup. A {@code Bitmap Index Scan} names no table in PostgreSQL's output; it is given
 * the table of the {@code Bitmap Heap Scan} above it, which itself is not a full scan.
 */
public final class PostgresPlanReader implements PlanReader {
    /** The dialect name in the plans this reader returns. */
    public static final String DIALECT = "postgresql";

    private static final Set<String> INDEX_WALKS = Set.of("Index Scan", "Index Only Scan");

    /** Creates a reader; it holds no state and can be shared. */
    public PostgresPlanReader() {
    }

    @Override
    public QueryPlan explain(Connection connection, String sql, List<Object> parameters, TableAliases aliases) throws SQLException {
        String raw = ExplainSupport.planText(connection, "EXPLAIN (FORMAT JSON) " + sql, parameters);
        Object json = ExplainSupport.parseJson(raw);
        List<PlanNode> roots = new ArrayList<>();
        // The answer is an array with one object per statement, each holding its tree under "Plan".
        if (json instanceof List<?> statements) {
            for (Object statement : statements) {
                if (statement instanceof Map<?, ?> map && map.get("Plan") instanceof Map<?, ?> plan) {
                    roots.add(node(cast(plan), null));
                }
            }
        }
        if (roots.isEmpty()) {
            throw new SQLException("PostgreSQL returned a JSON plan without a \"Plan\": " + raw);
        }
        return new QueryPlan(DIALECT, sql, roots, raw);
    }

    private static PlanNode node(Map<String, Object> plan, String parentTable) {
        String type = ExplainSupport.string(plan.get("Node Type"));
        String operation = type == null ? "?" : type;
        String table = ExplainSupport.string(plan.get("Relation Name"));
        String index = ExplainSupport.string(plan.get("Index Name"));
        if (table == null && operation.equals("Bitmap Index Scan")) {
            table = parentTable;
        }
        boolean fullScan = table != null && (operation.equals("Seq Scan")
                || INDEX_WALKS.contains(operation) && !plan.containsKey("Index Cond"));
        List<PlanNode> children = new ArrayList<>();
        if (plan.get("Plans") instanceof List<?> subPlans) {
            for (Object sub : subPlans) {
                if (sub instanceof Map<?, ?> map) {
                    children.add(node(cast(map), table));
                }
            }
        }
        return new PlanNode(operation, table, index, fullScan, ExplainSupport.number(plan.get("Plan Rows")),
                ExplainSupport.number(plan.get("Total Cost")), ExplainSupport.conditions(plan), children);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map; // the JSON reader's objects always have String keys
    }
}
