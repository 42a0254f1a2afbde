package dev.ashlar.compliance.sql;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.types.Types.integer;
import static dev.ashlar.core.types.Types.numeric;
import static dev.ashlar.core.types.Types.string;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.Row;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Query;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small shop schema for query tests: categories (with a parent), suppliers, items. The data:
 * <pre>
 * categories: 1 Tools, 2 Garden, 3 Hand tools (parent 1), 4 Empty
 * suppliers:  1 Acme (US), 2 Bolt (DE), 3 Nobody (no country, no items)
 * items:      1 Hammer 12.50 qty 10 cat 3 sup 1 | 2 Saw 25.00 5 cat 3 sup 2 | 3 Drill 99.99 null cat 1 sup 1
 *             4 Rake 15.00 7 cat 2 no sup | 5 Hose 30.00 3 cat 2 sup 2 | 6 shovel 20.00 null cat 2 sup 1
 * </pre>
 */
final class Shop {
    final MetaData md = new MetaData();
    final Column<Integer> catId = Column.of("id", integer()).primaryKey().autoincrement(false);
    final Column<String> catName = Column.of("name", string(50)).notNull();
    final Column<Integer> catParent = Column.of("parent_id", integer()).references(catId);
    final Table categories = md.table("categories", catId, catName, catParent);

    final Column<Integer> supId = Column.of("id", integer()).primaryKey().autoincrement(false);
    final Column<String> supName = Column.of("name", string(50)).notNull();
    final Column<String> supCountry = Column.of("country", string(2));
    final Table suppliers = md.table("suppliers", supId, supName, supCountry);

    final Column<Integer> id = Column.of("id", integer()).primaryKey().autoincrement(false);
    final Column<String> name = Column.of("name", string(50)).notNull();
    final Column<BigDecimal> price = Column.of("price", numeric(10, 2)).notNull();
    final Column<Integer> qty = Column.of("qty", integer());
    final Column<Integer> categoryId = Column.of("category_id", integer()).notNull().references(catId);
    final Column<Integer> supplierId = Column.of("supplier_id", integer()).references(supId);
    final Table items = md.table("items", id, name, price, qty, categoryId, supplierId);

    /** Creates the tables and the rows above. */
    static Shop create(Engine engine) {
        Shop s = new Shop();
        SchemaDdl.createAll(engine, s.md);
        try (Connection c = engine.connect()) {
            s.category(c, 1, "Tools", null);
            s.category(c, 2, "Garden", null);
            s.category(c, 3, "Hand tools", 1);
            s.category(c, 4, "Empty", null);
            s.supplier(c, 1, "Acme", "US");
            s.supplier(c, 2, "Bolt", "DE");
            s.supplier(c, 3, "Nobody", null);
            s.item(c, 1, "Hammer", "12.50", 10, 3, 1);
            s.item(c, 2, "Saw", "25.00", 5, 3, 2);
            s.item(c, 3, "Drill", "99.99", null, 1, 1);
            s.item(c, 4, "Rake", "15.00", 7, 2, null);
            s.item(c, 5, "Hose", "30.00", 3, 2, 2);
            s.item(c, 6, "shovel", "20.00", null, 2, 1);
        }
        return s;
    }

    private void category(Connection c, int i, String n, Integer parent) {
        c.execute(insertInto(categories).set(catId, i).set(catName, n).set(catParent, parent));
    }

    private void supplier(Connection c, int i, String n, String country) {
        c.execute(insertInto(suppliers).set(supId, i).set(supName, n).set(supCountry, country));
    }

    private void item(Connection c, int i, String n, String p, Integer q, int cat, Integer sup) {
        c.execute(insertInto(items).set(id, i).set(name, n).set(price, new BigDecimal(p)).set(qty, q)
                .set(categoryId, cat).set(supplierId, sup));
    }

    /** Each row's values, in order: compact to compare in assertions. */
    static List<List<Object>> rows(Connection c, Query q) {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : c.query(q).list()) {
            out.add(r.values());
        }
        return out;
    }

    /** The first column of each row. */
    @SuppressWarnings("unchecked")
    static <T> List<T> column(Connection c, Query q) {
        List<T> out = new ArrayList<>();
        for (Row r : c.query(q).list()) {
            out.add((T) r.get(0));
        }
        return out;
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
