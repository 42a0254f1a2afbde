package dev.ashlar.core.dialect.sqlite;

import dev.ashlar.core.explain.ExplainSupport;
import dev.ashlar.core.explain.PlanNode;
import dev.ashlar.core.explain.PlanReader;
import dev.ashlar.core.explain.QueryPlan;
import dev.ashlar.core.explain.TableAliases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads SQLite plans with {@code EXPLAIN QUERY PLAN}.
 *
 * <p>SQLite answers with rows {@code (id, parent, notused, detail)}; the tree comes from
 * {@code id}/{@code parent} and each {@code detail} line is read as {@link SqlitePlanLine} describes.
 * SQLite gives neither row estimates nor costs, so those stay null. Plans name an aliased table by
 * its alias ({@code SCAN i}); the alias is resolved to the table from the query's FROM and JOIN
 * clauses, and the line itself stays in {@link PlanNode#detail()}. A scan of a materialized
 * subquery or CTE is not a full scan of a stored table: the steps that fill it show what it reads.
 */
public final class SqlitePlanReader implements PlanReader {
    /** The dialect name in the plans this reader returns. */
    public static final String DIALECT = "sqlite";

    /** Creates a reader; it holds no state and can be shared. */
    public SqlitePlanReader() {
    }

    /** A search of the rowid reads {@code SEARCH t USING INTEGER PRIMARY KEY}, whatever the key is called. */
    @Override
    public String primaryKeyIndex(String primaryKeyName) {
        return SqlitePlanLine.PRIMARY_KEY_INDEX;
    }

    @Override
    public QueryPlan explain(Connection connection, String sql, List<Object> parameters, TableAliases aliases) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = ExplainSupport.prepare(connection, "EXPLAIN QUERY PLAN " + sql, parameters);
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(new Row(result.getInt("id"), result.getInt("parent"), result.getString("detail")));
            }
        }
        StringBuilder raw = new StringBuilder();
        for (Row row : rows) {
            raw.append(row.id).append('|').append(row.parent).append('|').append(row.detail).append('\n');
        }
        return new QueryPlan(DIALECT, sql, tree(rows, aliases), raw.toString());
    }

    private record Row(int id, int parent, String detail) {
    }

    /** Builds the nodes bottom-up, since a node's children must exist before the node itself. */
    private static List<PlanNode> tree(List<Row> rows, TableAliases aliases) {
        Set<String> derived = derivedNames(rows);
        Map<Integer, List<Row>> childrenByParent = new LinkedHashMap<>();
        Set<Integer> ids = new HashSet<>();
        for (Row row : rows) {
            ids.add(row.id);
        }
        List<Row> roots = new ArrayList<>();
        for (Row row : rows) {
            // A parent that is not in the result (0, or an unknown id) makes the row a root.
            if (ids.contains(row.parent) && row.parent != row.id) {
                childrenByParent.computeIfAbsent(row.parent, k -> new ArrayList<>()).add(row);
            } else {
                roots.add(row);
            }
        }
        List<PlanNode> nodes = new ArrayList<>();
        for (Row root : roots) {
            nodes.add(node(root, childrenByParent, aliases, derived, new HashSet<>()));
        }
        return nodes;
    }

    private static PlanNode node(Row row, Map<Integer, List<Row>> childrenByParent, TableAliases aliases,
            Set<String> derived, Set<Integer> path) {
        List<PlanNode> children = new ArrayList<>();
        if (path.add(row.id)) { // guards against a cycle in malformed output
            for (Row child : childrenByParent.getOrDefault(row.id, List.of())) {
                children.add(node(child, childrenByParent, aliases, derived, path));
            }
            path.remove(row.id);
        }
        SqlitePlanLine line = SqlitePlanLine.parse(row.detail);
        String table = null;
        boolean fullScan = line.fullScan();
        if (line.target() != null) {
            if (!line.aliasGiven() && derived.contains(line.target().toLowerCase(Locale.ROOT))) {
                fullScan = false; // a subquery or CTE result, not a stored table
            } else {
                table = line.aliasGiven() ? line.target() : aliases.tableFor(line.target());
            }
        }
        return new PlanNode(line.operation(), table, line.index(), fullScan && table != null, null, null,
                row.detail, children);
    }

    /** Names of subquery and CTE results that the plan fills itself ({@code MATERIALIZE c}, {@code CO-ROUTINE c}). */
    private static Set<String> derivedNames(List<Row> rows) {
        Set<String> names = new HashSet<>();
        for (Row row : rows) {
            String[] words = row.detail == null ? new String[0] : row.detail.strip().split("\\s+");
            if (words.length >= 2 && (words[0].equals("MATERIALIZE") || words[0].equals("CO-ROUTINE"))) {
                names.add(words[1].replace("\"", "").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
