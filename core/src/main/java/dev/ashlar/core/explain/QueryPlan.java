package dev.ashlar.core.explain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a database plans to run one query, with a plain-words verdict on full scans and indexes.
 *
 * <p>Its methods look at every node of the tree. {@link #verdict()} has one phrase per finding, in
 * plan order: {@code full scan of items} for a table read in full, {@code full scan of items
 * through index ix_items_name} for a walk over a whole index, and {@code uses index ix_items_name
 * on items} for an index lookup.
 *
 * @param dialect the name of the database, for example {@code sqlite}, {@code postgresql} or {@code mariadb}
 * @param sql the query that was explained
 * @param roots the top nodes of the plan tree
 * @param rawPlan the plan exactly as the database returned it
 */
public record QueryPlan(String dialect, String sql, List<PlanNode> roots, String rawPlan) {

    /** Checks the parts and copies the roots, so that a plan never changes once built. */
    public QueryPlan {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(sql, "sql");
        roots = List.copyOf(roots);
        rawPlan = rawPlan == null ? "" : rawPlan;
    }

    /** Every node of the plan, depth first, in plan order. */
    public List<PlanNode> nodes() {
        return roots.stream().flatMap(PlanNode::walk).toList();
    }

    /** The names of the tables the plan reads in full, in plan order. */
    public Set<String> fullScans() {
        return ordered(nodes().stream().filter(PlanNode::fullScan).map(PlanNode::table).toList());
    }

    /** The names of the indexes the plan uses, for lookups or for full walks, in plan order. */
    public Set<String> indexesUsed() {
        return ordered(nodes().stream().map(PlanNode::index).filter(Objects::nonNull).toList());
    }

    /**
     * Whether the plan uses the named index. Names compare without regard to case, as SQL
     * identifiers usually do.
     */
    public boolean usesIndex(String name) {
        return indexesUsed().stream().anyMatch(used -> used.equalsIgnoreCase(name));
    }

    /** Whether some step reads a whole table, directly or through a whole index. */
    public boolean hasFullScan() {
        return nodes().stream().anyMatch(PlanNode::fullScan);
    }

    /**
     * The findings in plain words, joined with {@code "; "}, for example
     * {@code "full scan of orders; uses index ix_items_name on items"}. A plan that reads no table
     * through a full scan or an index says {@code "no full scan and no index"}.
     */
    public String verdict() {
        List<String> phrases = new ArrayList<>();
        for (PlanNode node : nodes()) {
            if (node.fullScan()) {
                phrases.add("full scan of " + node.table() + (node.index() == null ? "" : " through index " + node.index()));
            } else if (node.index() != null) {
                phrases.add("uses index " + node.index() + (node.table() == null ? "" : " on " + node.table()));
            }
        }
        Set<String> distinct = ordered(phrases);
        return distinct.isEmpty() ? "no full scan and no index" : String.join("; ", distinct);
    }

    /** The plan as an indented tree of nodes, one per line, followed by a line {@code verdict: ...}. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (PlanNode root : roots) {
            render(root, 0, out);
        }
        return out.append("verdict: ").append(verdict()).toString();
    }

    private static void render(PlanNode node, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(node.summary());
        // SQLite's detail is often the very words of the summary; repeating them is noise.
        if (!node.detail().isEmpty() && !node.detail().equals(node.operation())) {
            out.append("  -- ").append(node.detail());
        }
        out.append('\n');
        for (PlanNode child : node.children()) {
            render(child, depth + 1, out);
        }
    }

    /**
     * Fails unless the plan uses the named index.
     *
     * @throws AssertionError naming the SQL, the rendered plan and the verdict
     */
    public void assertUsesIndex(String indexName) {
        if (!usesIndex(indexName)) {
            throw failure("expected the plan to use index " + indexName + ", but it uses "
                    + (indexesUsed().isEmpty() ? "no index" : String.join(", ", indexesUsed())));
        }
    }

    /**
     * Fails if any step reads a whole table.
     *
     * @throws AssertionError naming the SQL, the rendered plan and the verdict
     */
    public void assertNoFullScan() {
        if (hasFullScan()) {
            throw failure("expected no full scan, but the plan reads all of " + String.join(", ", fullScans()));
        }
    }

    private AssertionError failure(String problem) {
        return new AssertionError(problem + "\n" + dialect + " SQL: " + sql + "\nplan:\n" + render());
    }

    /** Same as {@link #render()}. */
    @Override
    public String toString() {
        return render();
    }

    private static Set<String> ordered(List<String> values) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }
}
