package dev.ashlar.core.dialect.mariadb;

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
 * Reads MariaDB plans with {@code EXPLAIN FORMAT=JSON}.
 *
 * <p>The JSON form is used rather than the table form because it keeps the nesting of subqueries,
 * materialized tables and sorts. Every {@code "table"} object becomes a {@link PlanNode} whose
 * operation is its {@code access_type}: {@code ALL} reads the whole table (a full scan),
 * {@code index} walks a whole index (a full scan through that index), and {@code ref},
 * {@code eq_ref}, {@code const}, {@code range} and the like look rows up through {@code key}. The
 * primary key is the index {@code PRIMARY}. Sorts, temporary tables, materializations and nested
 * query blocks become nodes named by their JSON key ({@code filesort}, {@code query_block}, ...).
 *
 * <p>MariaDB names an aliased table by its alias; it is resolved from the query's FROM and JOIN
 * clauses. Names in angle brackets ({@code <subquery2>}, {@code <derived2>}) are results of
 * subqueries, not stored tables, so reading them is no full scan.
 */
public final class MariaDbPlanReader implements PlanReader {
    /** The dialect name in the plans this reader returns. */
    public static final String DIALECT = "mariadb";

    /** JSON keys of steps worth a node of their own; other keys only group steps. */
    private static final Set<String> STEPS = Set.of("query_block", "filesort", "temporary_table",
            "duplicates_removal", "union_result", "materialized", "window_functions_computation");

    /** Creates a reader; it holds no state and can be shared. */
    public MariaDbPlanReader() {
    }

    @Override
    public QueryPlan explain(Connection connection, String sql, List<Object> parameters) throws SQLException {
        String raw = ExplainSupport.planText(connection, "EXPLAIN FORMAT=JSON " + sql, parameters);
        List<PlanNode> roots = new Walk(TableAliases.of(sql)).nodesIn(ExplainSupport.parseJson(raw));
        if (roots.isEmpty()) {
            throw new SQLException("MariaDB returned a JSON plan without steps: " + raw);
        }
        return new QueryPlan(DIALECT, sql, roots, raw);
    }

    /** One pass over a JSON plan, turning the steps it finds into nodes. */
    private record Walk(TableAliases aliases) {

        List<PlanNode> nodesIn(Object json) {
            List<PlanNode> nodes = new ArrayList<>();
            if (json instanceof List<?> list) {
                list.forEach(element -> nodes.addAll(nodesIn(element)));
            } else if (json instanceof Map<?, ?> map) {
                map.forEach((key, value) -> nodes.addAll(nodesUnder((String) key, value)));
            }
            return nodes;
        }

        private List<PlanNode> nodesUnder(String key, Object value) {
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> step = cast(map);
                if (key.equals("table")) {
                    return List.of(table(step));
                }
                if (STEPS.contains(key)) {
                    return List.of(new PlanNode(key, null, null, false, null, ExplainSupport.number(step.get("cost")),
                            ExplainSupport.conditions(step), nodesIn(step)));
                }
            }
            return nodesIn(value);
        }

        private PlanNode table(Map<String, Object> step) {
            String accessType = ExplainSupport.string(step.get("access_type"));
            String operation = accessType == null ? "table" : accessType;
            String name = ExplainSupport.string(step.get("table_name"));
            boolean stored = name != null && !name.startsWith("<");
            String table = stored ? aliases.tableFor(name) : null;
            String key = ExplainSupport.string(step.get("key"));
            // Hash joins name a made-up key such as "#hash#$hj"; it is no index of the table.
            String index = key == null || key.startsWith("#") ? null : key;
            // "ALL" and "hash_ALL" read every row; "index" reads every entry of the index.
            boolean fullScan = stored && (operation.endsWith("ALL") || operation.equals("index"));
            return new PlanNode(operation, table, index, fullScan, ExplainSupport.number(step.get("rows")),
                    ExplainSupport.number(step.get("cost")), ExplainSupport.conditions(step), nodesIn(step));
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> cast(Map<?, ?> map) {
            return (Map<String, Object>) map; // the JSON reader's objects always have String keys
        }
    }
}
