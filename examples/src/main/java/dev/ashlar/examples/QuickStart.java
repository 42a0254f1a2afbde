package dev.ashlar.examples;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.sql.Sql.selectFrom;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.EngineOptions;
import dev.ashlar.core.engine.Row;
import dev.ashlar.core.engine.Transaction;
import dev.ashlar.core.explain.QueryPlan;
import dev.ashlar.core.reflect.Inspector;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.sql.Select;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * The reference example, end to end: create the {@code items} table, add items, query those below a
 * price, and read the plan of a lookup by name before and after indexing {@code name}. Safe to run
 * again on the same database.
 */
public final class QuickStart {
    /** The index the example creates on {@code items.name}. */
    public static final String NAME_INDEX = "ix_items_name";

    private QuickStart() {
    }

    /** Runs the example against {@code url} (with echo on), printing to {@code out}. */
    public static void run(String url, PrintStream out) {
        try (Engine engine = Engine.create(url, EngineOptions.echo())) {
            out.println("== 1. Create the table (skipped if it exists)");
            SchemaDdl.createAll(engine, Item_.TABLE.metadata());

            try (Connection conn = engine.connect()) {
                out.println("== 2. Add items");
                addSampleItems(conn);

                BigDecimal limit = new BigDecimal("20.00");
                out.println("== 3. Items cheaper than " + limit);
                Select cheap = select(Item_.id, Item_.name, Item_.price, Item_.createdAt)
                        .from(Item_.TABLE)
                        .where(Item_.price.lt(limit))
                        .orderBy(Item_.price.asc());
                for (Row row : conn.query(cheap).list()) {
                    out.printf("   #%d %-10s %8s  (added %s)%n", row.get(Item_.id), row.get(Item_.name), row.get(Item_.price),
                            row.get(Item_.createdAt));
                }

                out.println("== 4. How is a lookup by name executed?");
                Select lookup = selectFrom(Item_.TABLE).where(Item_.name.eq("Widget"));
                Index nameIndex = Index.on(Item_.name).named(NAME_INDEX);
                if (hasIndex(conn, NAME_INDEX)) {
                    conn.executeSql(conn.dialect().ddl().dropIndex(Item_.TABLE, nameIndex));
                }
                printPlan(out, "Without an index on name", conn.explain(lookup), false);

                conn.executeSql(conn.dialect().ddl().createIndex(Item_.TABLE, nameIndex));
                analyze(conn);
                printPlan(out, "With index " + NAME_INDEX, conn.explain(lookup), true);
            }
        }
    }

    private static void addSampleItems(Connection conn) {
        List<Object[]> samples = List.of(
                new Object[]{"Widget", "A small widget", "9.99"},
                new Object[]{"Gadget", "A useful gadget", "24.50"},
                new Object[]{"Gizmo", null, "14.25"},
                new Object[]{"Doohickey", "Does what it says", "3.10"});
        try (Transaction tx = conn.begin()) {
            for (Object[] s : samples) {
                String name = (String) s[0];
                // Idempotent: a second run finds the items and adds nothing.
                if (conn.query(select(Item_.id).from(Item_.TABLE).where(Item_.name.eq(name))).first() == null) {
                    conn.execute(insertInto(Item_.TABLE)
                            .set(Item_.name, name)
                            .set(Item_.description, (String) s[1])
                            .set(Item_.price, new BigDecimal((String) s[2])));
                }
            }
            tx.commit();
        }
    }

    private static boolean hasIndex(Connection conn, String name) {
        return Inspector.of(conn).indexes(Item_.TABLE.name()).stream().anyMatch(ix -> ix.name().equalsIgnoreCase(name));
    }

    /** Fresh statistics, so that PostgreSQL and MariaDB plan with the index in mind. */
    private static void analyze(Connection conn) {
        switch (conn.dialect().name()) {
            case "postgresql" -> conn.executeSql("ANALYZE items");
            case "mariadb" -> conn.sql("ANALYZE TABLE items", java.util.Map.of()).list();
            default -> conn.executeSql("ANALYZE");
        }
    }

    private static void printPlan(PrintStream out, String title, QueryPlan plan, boolean indexExists) {
        out.println("-- " + title + ":");
        out.println(plan.render().indent(3).stripTrailing());
        if (plan.hasFullScan()) {
            out.println("   => The lookup reads the whole table (" + String.join(", ", plan.fullScans()) + ").");
            if (indexExists && plan.indexesUsed().isEmpty()) {
                out.println("      The planner chose a full scan although the index exists: on a table this small, reading it all is cheaper.");
            }
        } else {
            out.println("   => The lookup uses " + String.join(", ", plan.indexesUsed()) + " and does not scan the table.");
        }
    }
}
