package dev.ashlar.core.explain;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One step of a query plan, such as a table scan, an index lookup, a join or a sort.
 *
 * <p>A node with {@code fullScan} set reads every row of {@code table}, either from the table
 * itself ({@code index} is null) or by walking a whole index ({@code index} names it). A node
 * with an {@code index} and without {@code fullScan} looks up only the rows it needs.
 *
 * @param operation what the database calls this step, for example {@code SCAN}, {@code SEARCH},
 *     {@code Seq Scan}, {@code Index Scan}, {@code ALL} or {@code ref}
 * @param table the stored table this step reads, or null when it reads none (a sort, a join,
 *     a subquery result)
 * @param index the index this step uses, or null; the primary key is named as the database names
 *     it ({@code PRIMARY KEY} on SQLite, {@code PRIMARY} on MariaDB, {@code items_pkey} on PostgreSQL)
 * @param fullScan whether this step reads all rows of {@code table}; it then requires a table
 * @param estimatedRows how many rows the database expects this step to produce, or null
 * @param cost the database's estimated total cost of this step, in its own units, or null
 * @param detail the text the database gave for this step: the line of SQLite's plan, or the
 *     step's JSON object (without its sub-steps) for PostgreSQL and MariaDB
 * @param children the steps that feed this one, in the order the database listed them
 */
public record PlanNode(String operation, String table, String index, boolean fullScan, Double estimatedRows,
        Double cost, String detail, List<PlanNode> children) {

    /** Checks the parts and copies the children, so that a node never changes once built. */
    public PlanNode {
        Objects.requireNonNull(operation, "operation");
        detail = detail == null ? "" : detail;
        children = List.copyOf(children == null ? List.of() : children);
        if (fullScan && table == null) {
            throw new dev.ashlar.core.error.AshlarException("a full scan must name the table it reads: " + operation + " " + detail);
        }
    }

    /** This node followed by all nodes below it, depth first, in plan order. */
    public Stream<PlanNode> walk() {
        return Stream.concat(Stream.of(this), children.stream().flatMap(PlanNode::walk));
    }

    /** A one-line summary: the operation, the table, the index and whether it is a full scan. */
    public String summary() {
        StringBuilder out = new StringBuilder(operation);
        if (table != null) {
            out.append(" on ").append(table);
        }
        if (index != null) {
            out.append(" using ").append(index);
        }
        if (fullScan) {
            out.append(" [full scan]");
        }
        if (estimatedRows != null || cost != null) {
            out.append(" (");
            if (estimatedRows != null) {
                out.append("rows=").append(number(estimatedRows));
            }
            if (cost != null) {
                out.append(estimatedRows != null ? ", " : "").append("cost=").append(number(cost));
            }
            out.append(')');
        }
        return out.toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
