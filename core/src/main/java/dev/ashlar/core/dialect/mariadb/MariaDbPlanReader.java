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
 * <p>MariaDB names an aliased table by its alias; it is resolved through the query's
 * {@link TableAliases}. Names in angle brackets ({@code <subquery2>}, {@code <derived2>}) are results of
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
    public QueryPlan explain(Connection connection, String sql, List<Object> parameters, TableAliases aliases) throws SQLException {
        String raw = ExplainSupport.planText(connection, "EXPLAIN FORMAT=JSON " + sql, parameters);
        List<PlanNode> roots = new Walk(aliases).nodesIn(ExplainSupport.parseJson(asJson(raw)));
        if (roots.isEmpty()) {
            throw new SQLException("MariaDB returned a JSON plan without steps: " + raw);
        }
        return new QueryPlan(DIALECT, sql, roots, raw);
    }

    /**
     * MariaDB's "JSON" plan as JSON. MariaDB prints each condition into a JSON string as SQL, with
     * its string literals escaped for SQL ({@code 'D\'Angelo'}, {@code '\\'}) but not for JSON: a
     * {@code "} or a control character inside a literal comes out bare and ends the JSON string early.
     * This escapes those characters for JSON inside SQL literals and quoted identifiers of JSON
     * strings; the backslash pairs stay (the parser takes a backslash before any character as that
     * character).
     */
    static String asJson(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 16);
        boolean inString = false;
        char sqlQuote = 0; // ' or ` while inside a SQL literal or quoted name within a JSON string
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!inString) {
                out.append(c);
                inString = c == '"';
            } else if (c == '\\' && i + 1 < raw.length()) {
                out.append(c).append(raw.charAt(++i)); // an escaped pair, whether for JSON or for SQL
            } else if (sqlQuote != 0) {
                if (c == sqlQuote) {
                    if (i + 1 < raw.length() && raw.charAt(i + 1) == sqlQuote) {
                        out.append(c).append(c); // a doubled quote stays inside
                        i++;
                    } else {
                        out.append(c);
                        sqlQuote = 0;
                    }
                } else if (c == '"') {
                    out.append("\\\"");
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            } else if (c == '\'' || c == '`') {
                out.append(c);
                sqlQuote = c;
            } else {
                out.append(c);
                inString = c != '"';
            }
        }
        return out.toString();
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
