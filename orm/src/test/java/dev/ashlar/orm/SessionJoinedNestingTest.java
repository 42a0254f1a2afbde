package dev.ashlar.orm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.engine.Engine;
import dev.ashlar.orm.Inventory.Item;
import dev.ashlar.orm.Inventory.Order;
import dev.ashlar.orm.Inventory.OrderLine;
import dev.ashlar.orm.Inventory.Tag;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joined loading through an association table (many-to-many) and nested over two and three
 * relationships, checked against what the database holds and against select-in loading.
 */
class SessionJoinedNestingTest {

    /**
     * Six items sharing five tags (one tag unused, two items untagged), and four orders: one with
     * three lines, one with two, one without lines and one with two lines for the same item.
     */
    private static void seed(Engine engine) {
        Inventory.createSchema(engine);
        try (Session session = Session.open(engine, Inventory.options())) {
            Tag red = new Tag("red");
            Tag green = new Tag("green");
            Tag blue = new Tag("blue");
            Tag steel = new Tag("steel");
            session.add(new Tag("unused"));
            Item anvil = item("anvil", "10.00", steel, red);
            Item bolt = item("bolt", "0.10", steel);
            Item chisel = item("chisel", "7.50", red, green, blue);
            Item drill = item("drill", "80.00");
            Item engineItem = item("engine", "900.00", blue, steel);
            Item file = item("file", "3.00");
            session.addAll(List.of(anvil, bolt, chisel, drill, engineItem, file));
            Order o1 = new Order("o1");
            o1.add(anvil, 1);
            o1.add(chisel, 2);
            o1.add(bolt, 3);
            Order o2 = new Order("o2");
            o2.add(chisel, 1);
            o2.add(drill, 4);
            Order o3 = new Order("o3");
            Order o4 = new Order("o4");
            o4.add(anvil, 2);
            o4.add(anvil, 5);
            session.addAll(List.of(o1, o2, o3, o4));
            session.commit();
        }
    }

    private static Item item(String name, String price, Tag... tags) {
        Item item = new Item(name, price);
        item.tags.addAll(List.of(tags));
        return item;
    }

    /** Each item's tag labels as the database holds them, items by name, tags by id. */
    private static Map<String, List<String>> tagsInDatabase(TestDatabase db) throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String sql = "SELECT i.name, t.label FROM item i LEFT JOIN item_tag it ON it.item_id = i.id"
                + " LEFT JOIN tag t ON t.id = it.tag_id ORDER BY i.name, t.id";
        try (Connection c = db.openJdbc(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                List<String> labels = out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                String label = rs.getString(2);
                if (label != null) {
                    labels.add(label);
                }
            }
        }
        return out;
    }

    /** Each order's lines ("item xquantity") as the database holds them, orders by customer, lines by id. */
    private static Map<String, List<String>> linesInDatabase(TestDatabase db) throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String sql = "SELECT o.customer, i.name, l.quantity FROM orders o LEFT JOIN order_line l ON l.order_id = o.id"
                + " LEFT JOIN item i ON i.id = l.item_id ORDER BY o.customer, l.id";
        try (Connection c = db.openJdbc(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                List<String> lines = out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                String item = rs.getString(2);
                if (item != null) {
                    lines.add(item + " x" + rs.getInt(3));
                }
            }
        }
        return out;
    }

    private static Map<String, List<String>> describeTags(List<Item> items) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Item item : items) {
            assertThat(item.tags).as(item.name + "'s tags").doesNotHaveDuplicates();
            out.put(item.name, item.tags.stream().map(t -> t.label).toList());
        }
        return out;
    }

    private static Map<String, List<String>> describeLines(List<Order> orders) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Order order : orders) {
            assertThat(order.lines).as(order.customer + "'s lines").doesNotHaveDuplicates();
            List<String> lines = new ArrayList<>();
            for (OrderLine line : order.lines) {
                assertThat(line.order.get()).as("the back reference is set from the same rows").isSameAs(order);
                lines.add(line.item.get().name + " x" + line.quantity);
            }
            out.put(order.customer, lines);
        }
        return out;
    }

    private static Item named(List<Item> items, String name) {
        return items.stream().filter(i -> i.name.equals(name)).findFirst().orElseThrow();
    }

    private static Tag tagged(Item item, String label) {
        return item.tags.stream().filter(t -> t.label.equals(label)).findFirst().orElseThrow();
    }

    private static Order placedBy(List<Order> orders, String customer) {
        return orders.stream().filter(o -> o.customer.equals(customer)).findFirst().orElseThrow();
    }

    @AllDatabases
    void joinedManyToManyLoadsEveryItemsTagsInOneStatement(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            seed(engine);
            Map<String, List<String>> expected = tagsInDatabase(db);
            assertThat(expected).hasSize(6).containsEntry("chisel", List.of("red", "green", "blue")).containsEntry("drill", List.of());
            Map<String, List<String>> joined;
            try (Session session = Session.open(engine, Inventory.options())) {
                long before = session.statementCount();
                List<Item> items = session.select(Item.class).options(Load.joined(Inventory_Item_.tags))
                        .orderBy(Inventory.ITEM_NAME.asc()).list();
                assertThat(session.statementCount() - before).as(String.join("\n", session.statements())).isEqualTo(1);
                assertThat(items).doesNotHaveDuplicates().extracting(i -> i.name)
                        .containsExactly("anvil", "bolt", "chisel", "drill", "engine", "file");
                joined = describeTags(items);
                assertThat(joined).isEqualTo(expected);
                assertThat(named(items, "drill").tags).as("an item without tags gets an empty, loaded list").isEmpty();
                assertThat(named(items, "file").tags).isEmpty();
                Tag steel = tagged(named(items, "anvil"), "steel");
                assertThat(tagged(named(items, "bolt"), "steel")).as("one object per tag row: the identity map").isSameAs(steel);
                assertThat(tagged(named(items, "engine"), "steel")).isSameAs(steel);
                assertThat(tagged(named(items, "chisel"), "blue")).isSameAs(tagged(named(items, "engine"), "blue"));
                assertThat(tagged(named(items, "chisel"), "red")).isSameAs(tagged(named(items, "anvil"), "red"));
                assertThat(session.get(Tag.class, steel.id)).isSameAs(steel);
                assertThat(session.statementCount() - before).as("nothing loaded afterwards").isEqualTo(1);
            }
            try (Session session = Session.open(engine, Inventory.options())) {
                long before = session.statementCount();
                List<Item> items = session.select(Item.class).options(Load.selectIn(Inventory_Item_.tags))
                        .orderBy(Inventory.ITEM_NAME.asc()).list();
                assertThat(describeTags(items)).as("select-in loading agrees, tags in the same order").isEqualTo(joined);
                assertThat(session.statementCount() - before).as("items, association rows, tags").isEqualTo(3);
            }
        }
    }

    @AllDatabases
    void joinedManyToManyWithLimitLimitsTheItemsNotTheTagRows(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            seed(engine);
            Map<String, List<String>> expected = tagsInDatabase(db);
            try (Session session = Session.open(engine, Inventory.options())) {
                long before = session.statementCount();
                List<Item> page = session.select(Item.class).options(Load.joined(Inventory_Item_.tags))
                        .orderBy(Inventory.ITEM_NAME.desc()).limit(3).offset(1).list();
                assertThat(session.statementCount() - before).isEqualTo(1);
                assertThat(page).extracting(i -> i.name).containsExactly("engine", "drill", "chisel");
                assertThat(describeTags(page)).containsExactly(Map.entry("engine", expected.get("engine")),
                        Map.entry("drill", List.of()), Map.entry("chisel", expected.get("chisel")));
            }
        }
    }

    @AllDatabases
    void joinedTwoLevelsLoadsOrdersLinesAndItemsInOneStatement(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            seed(engine);
            Map<String, List<String>> expected = linesInDatabase(db);
            assertThat(expected).hasSize(4).containsEntry("o3", List.of()).containsEntry("o4", List.of("anvil x2", "anvil x5"));
            Map<String, List<String>> joined;
            try (Session session = Session.open(engine, Inventory.options())) {
                long before = session.statementCount();
                List<Order> orders = session.select(Order.class)
                        .options(Load.joined(Inventory_Order_.lines), Load.joined(Inventory_OrderLine_.item))
                        .orderBy(Inventory.ORDER_CUSTOMER.asc()).list();
                assertThat(session.statementCount() - before).as(String.join("\n", session.statements())).isEqualTo(1);
                assertThat(orders).doesNotHaveDuplicates().extracting(o -> o.customer).containsExactly("o1", "o2", "o3", "o4");
                joined = describeLines(orders);
                assertThat(joined).isEqualTo(expected);
                assertThat(session.statementCount() - before).as("items were joined too: nothing loaded afterwards").isEqualTo(1);
                Order o1 = placedBy(orders, "o1");
                Order o2 = placedBy(orders, "o2");
                Order o4 = placedBy(orders, "o4");
                assertThat(o1.lines.get(1).item.get()).as("one chisel across orders").isSameAs(o2.lines.get(0).item.get());
                assertThat(o4.lines.get(0)).isNotSameAs(o4.lines.get(1));
                assertThat(o4.lines.get(0).item.get()).as("one anvil across lines").isSameAs(o4.lines.get(1).item.get())
                        .isSameAs(o1.lines.get(0).item.get());
                assertThat(session.get(Item.class, o1.lines.get(0).item.get().id)).isSameAs(o1.lines.get(0).item.get());
                assertThat(session.statementCount() - before).isEqualTo(1);
            }
            try (Session session = Session.open(engine, Inventory.options())) {
                List<Order> orders = session.select(Order.class)
                        .options(Load.selectIn(Inventory_Order_.lines), Load.selectIn(Inventory_OrderLine_.item))
                        .orderBy(Inventory.ORDER_CUSTOMER.asc()).list();
                assertThat(describeLines(orders)).as("select-in loading agrees").isEqualTo(joined);
            }
        }
    }

    @AllDatabases
    void joinedThreeLevelsThroughTheAssociationTableHasNoDuplicates(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            seed(engine);
            Map<String, List<String>> lines = linesInDatabase(db);
            Map<String, List<String>> tags = tagsInDatabase(db);
            try (Session session = Session.open(engine, Inventory.options())) {
                long before = session.statementCount();
                // lines × tags: each line's row repeats once per tag of its item
                List<Order> orders = session.select(Order.class)
                        .options(Load.joined(Inventory_Order_.lines), Load.joined(Inventory_OrderLine_.item),
                                Load.joined(Inventory_Item_.tags))
                        .orderBy(Inventory.ORDER_CUSTOMER.asc()).list();
                assertThat(session.statementCount() - before).as(String.join("\n", session.statements())).isEqualTo(1);
                assertThat(describeLines(orders)).isEqualTo(lines);
                for (Order order : orders) {
                    for (OrderLine line : order.lines) {
                        Item item = line.item.get();
                        assertThat(item.tags).as(item.name + "'s tags").doesNotHaveDuplicates();
                        assertThat(item.tags).extracting(t -> t.label).as(item.name + "'s tags").containsExactlyElementsOf(tags.get(item.name));
                    }
                }
                assertThat(session.statementCount() - before).as("nothing loaded afterwards").isEqualTo(1);
            }
        }
    }
}
