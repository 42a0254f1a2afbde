package dev.ashlar.examples;

import static dev.ashlar.core.sql.Sql.selectFrom;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.EngineOptions;
import dev.ashlar.core.explain.QueryPlan;
import dev.ashlar.core.reflect.Inspector;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.sql.Select;
import dev.ashlar.orm.Session;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The reference example, end to end: create the {@code items} table, add items and query those below
 * a price through an ORM session, and read the plan of a lookup by name before and after indexing {@code name}. Safe to run
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
            run(engine, out);
        }
    }

    /**
     * Runs the example on {@code engine}, printing to {@code out}; the engine may be one over the
     * application's own pool ({@code Engine.create(dataSource, options)}). The engine stays open.
     */
    public static void run(Engine engine, PrintStream out) {
        out.println("== 1. Create the table (skipped if it exists)");
        SchemaDdl.createAll(engine, Item_.TABLE.metadata());

        try (Session session = Session.open(engine)) {
            out.println("== 2. Add items");
            addSampleItems(session);

            BigDecimal limit = new BigDecimal("20.00");
            out.println("== 3. Items cheaper than " + limit);
            List<Item> cheap = session.select(Item.class)
                    .where(Item_.price.lt(limit))
                    .orderBy(Item_.price.asc())
                    .list();
            for (Item item : cheap) {
                out.printf("   #%d %-10s %8s  (added %s)%n", item.id, item.name, item.price, item.createdAt);
            }
        }

        try (Connection conn = engine.connect()) {

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

    private static void addSampleItems(Session session) {
        List<Item> samples = List.of(
                new Item("Widget", "A small widget", new BigDecimal("9.99")),
                new Item("Gadget", "A useful gadget", new BigDecimal("24.50")),
                new Item("Gizmo", null, new BigDecimal("14.25")),
                new Item("Doohickey", "Does what it says", new BigDecimal("3.10")));
        // Idempotent: a second run finds the items and adds nothing.
        Set<String> existing = session.select(Item.class).list().stream().map(item -> item.name).collect(Collectors.toSet());
        for (Item sample : samples) {
            if (!existing.contains(sample.name)) {
                session.add(sample);
            }
        }
        session.commit(); // one multi-row INSERT ... RETURNING fills in the ids
    }

    private static boolean hasIndex(Connection conn, String name) {
        return Inspector.of(conn).indexes(Item_.TABLE.name()).stream().anyMatch(ix -> ix.name().equalsIgnoreCase(name));
    }

    /** Fresh statistics, so that PostgreSQL and MariaDB plan with the index in mind. */
    private static void analyze(Connection conn) {
        conn.executeSql(conn.dialect().analyzeSql(Item_.TABLE.name()));
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
