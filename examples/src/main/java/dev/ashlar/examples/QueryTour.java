package dev.ashlar.examples;

import static dev.ashlar.core.sql.Sql.avg;
import static dev.ashlar.core.sql.Sql.count;
import static dev.ashlar.core.sql.Sql.cte;
import static dev.ashlar.core.sql.Sql.excluded;
import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.lower;
import static dev.ashlar.core.sql.Sql.orderBy;
import static dev.ashlar.core.sql.Sql.rank;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.sql.Sql.update;
import static dev.ashlar.core.sql.Sql.value;
import static dev.ashlar.core.sql.Sql.with;
import static dev.ashlar.core.sql.Sql.withRecursive;
import static dev.ashlar.core.types.Types.integer;
import static dev.ashlar.core.types.Types.string;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.Row;
import dev.ashlar.core.sql.Cte;
import dev.ashlar.declarative.Models;
import dev.ashlar.core.sql.Expression;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A tour of the query language on the Item and Review models. Every snippet in the README's
 * "Query language" section is taken from here, and the build runs this class on all three databases.
 * Each method returns what it read, so the test can check the rows.
 */
public final class QueryTour {
    private QueryTour() {
    }

    /** Creates the tables and fills them: many rows in one batched statement. */
    public static void setUp(Connection conn) {
        // Every model the processor listed (Item and Review), not only those used so far.
        SchemaDdl.createAll(conn, Models.discover());
        conn.execute(insertInto(Item_.TABLE)
                .set(Item_.name, "Widget").set(Item_.price, new BigDecimal("9.99")).nextRow()
                .set(Item_.name, "Gadget").set(Item_.price, new BigDecimal("24.50")).nextRow()
                .set(Item_.name, "Gizmo").set(Item_.price, new BigDecimal("14.25")).set(Item_.description, "blue"));
        Long widget = idOf(conn, "Widget");
        Long gadget = idOf(conn, "Gadget");
        conn.execute(insertInto(Review_.TABLE)
                .set(Review_.itemId, widget).set(Review_.stars, 5).nextRow()
                .set(Review_.itemId, widget).set(Review_.stars, 3).nextRow()
                .set(Review_.itemId, gadget).set(Review_.stars, 4));
    }

    private static Long idOf(Connection conn, String name) {
        return conn.query(select(Item_.id).from(Item_.TABLE).where(Item_.name.eq(name))).one().get(Item_.id);
    }

    /** Filters: comparison, ilike, between, null tests, combined with and/or. */
    public static List<String> filters(Connection conn) {
        List<Row> rows = conn.query(select(Item_.name).from(Item_.TABLE)
                .where(Item_.name.ilike("g%").and(Item_.price.between(new BigDecimal("10"), new BigDecimal("30"))))
                .where(Item_.description.isNull().or(Item_.description.eq("blue")))
                .orderBy(Item_.name.asc())).list();
        return rows.stream().map(r -> r.get(Item_.name)).toList();
    }

    /** A join whose ON clause comes from the foreign key, grouped, with aggregates. */
    public static List<String> averageStars(Connection conn) {
        Expression<Long> reviews = count(Review_.id).as("reviews");
        Expression<BigDecimal> stars = avg(Review_.stars).as("stars");
        List<String> lines = new ArrayList<>();
        for (Row row : conn.query(select(Item_.name, reviews, stars)
                .from(Item_.TABLE).join(Review_.TABLE)
                .groupBy(Item_.name)
                .having(count(Review_.id).ge(1L))
                .orderBy(Item_.name.asc())).list()) {
            lines.add(row.get(Item_.name) + " " + row.get(reviews) + " " + row.get(stars).stripTrailingZeros().toPlainString());
        }
        return lines;
    }

    /** A window function: each item's price rank. */
    public static List<String> priceRanks(Connection conn) {
        Expression<Long> position = rank().over(orderBy(Item_.price.desc())).as("position");
        List<String> lines = new ArrayList<>();
        for (Row row : conn.query(select(Item_.name, position).from(Item_.TABLE).orderBy(Item_.price.desc())).list()) {
            lines.add(row.get(position) + " " + row.get(Item_.name));
        }
        return lines;
    }

    /** A common table expression, selected from like a table. */
    public static List<String> cheapNames(Connection conn) {
        Cte cheap = cte("cheap", select(Item_.name, Item_.price).from(Item_.TABLE).where(Item_.price.lt(new BigDecimal("20"))));
        Expression<String> name = cheap.col(Item_.name);
        return conn.query(with(cheap).select(lower(name)).from(cheap).orderBy(name.asc())).list()
                .stream().map(r -> (String) r.get(0)).toList();
    }

    /** A constant in the select list: a typed value, bound as a parameter like every value. */
    public static List<String> withConstant(Connection conn) {
        Expression<String> kind = value("item", string()).as("kind");
        return conn.query(select(kind, Item_.name).from(Item_.TABLE).orderBy(Item_.name.asc())).list()
                .stream().map(r -> r.get(kind) + " " + r.get(Item_.name)).toList();
    }

    /**
     * A recursive CTE: name it first, take its columns by name and type, then give its query, which
     * selects from itself. Here the numbers 1 to {@code n}, starting from a selected constant.
     */
    public static List<Integer> countTo(Connection conn, int n) {
        Cte named = cte("numbers");
        Expression<Integer> x = named.col("x", integer());
        // Statements are values: as(...) returns the CTE with its query, and that is the one to use.
        Cte numbers = named.as(select(value(1, integer()).as("x"))
                .unionAll(select(x.add(1)).from(named).where(x.lt(n))));
        return conn.query(withRecursive(numbers).select(x).from(numbers).orderBy(x.asc())).list()
                .stream().map(r -> r.get(x)).toList();
    }

    /** An upsert: insert item {@code id}, or update its name and price when it exists. Idempotent, one call. */
    public static int upsert(Connection conn, long id, String name, BigDecimal price) {
        return conn.execute(insertInto(Item_.TABLE).set(Item_.id, id).set(Item_.name, name).set(Item_.price, price)
                .onConflict(Item_.id).set(Item_.name, excluded(Item_.name)).set(Item_.price, excluded(Item_.price)).doUpdate());
    }

    /** An update with arithmetic: a 10% rise for everything under 20. */
    public static int raisePrices(Connection conn) {
        return conn.execute(update(Item_.TABLE).set(Item_.price, Item_.price.mul(new BigDecimal("1.10")))
                .where(Item_.price.lt(new BigDecimal("20"))));
    }

    /** Runs the tour on {@code url} and prints what each step read. */
    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "sqlite://";
        try (Engine engine = Engine.create(url); Connection conn = engine.connect()) {
            setUp(conn);
            System.out.println("filters:       " + filters(conn));
            System.out.println("average stars: " + averageStars(conn));
            System.out.println("price ranks:   " + priceRanks(conn));
            System.out.println("cheap names:   " + cheapNames(conn));
            System.out.println("constant:      " + withConstant(conn));
            System.out.println("count to 5:    " + countTo(conn, 5));
        }
    }
}
