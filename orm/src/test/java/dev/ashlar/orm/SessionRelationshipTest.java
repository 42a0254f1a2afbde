package dev.ashlar.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.engine.Engine;
import dev.ashlar.orm.Inventory.Category;
import dev.ashlar.orm.Inventory.Item;
import dev.ashlar.orm.Inventory.Order;
import dev.ashlar.orm.Inventory.OrderLine;
import dev.ashlar.orm.Inventory.Supplier;
import dev.ashlar.orm.Inventory.Tag;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

class SessionRelationshipTest {


    /** Three orders of three lines each, every line for its own item of one supplier. */
    private static void seed(Engine engine) {
        Inventory.createSchema(engine);
        try (Session session = Session.open(engine, Inventory.options())) {
            Supplier acme = new Supplier("Acme");
            for (int o = 1; o <= 3; o++) {
                Order order = new Order("customer " + o);
                for (int l = 1; l <= 3; l++) {
                    Item item = new Item("item " + o + "." + l, o + "." + l);
                    item.supplier.set(acme);
                    order.add(item, l);
                }
                session.add(order);
            }
            session.commit();
        }
    }

    @AllDatabases
    void bidirectionalOneToManyStaysInSync(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Session session = Session.open(engine, Inventory.options())) {
            seed(engine);
            Order order = session.select(Order.class).where(Inventory.ORDER_CUSTOMER.eq("customer 1")).one();
            assertThat(order.lines).hasSize(3);
            OrderLine first = order.lines.get(0);
            assertThat(first.order.get()).isSameAs(order);

            Order other = session.select(Order.class).where(Inventory.ORDER_CUSTOMER.eq("customer 2")).one();
            first.order.set(other);
            assertThat(order.lines).hasSize(2).doesNotContain(first);
            assertThat(other.lines).hasSize(4).contains(first);
            session.commit();
            assertThat(db.queryOne("SELECT order_id FROM order_line WHERE id = " + first.id)).isEqualTo(String.valueOf(other.id));

            OrderLine moved = other.lines.get(0);
            order.lines.add(moved);
            assertThat(moved.order.get()).isSameAs(order);
            assertThat(other.lines).doesNotContain(moved);
        }
    }

    @AllDatabases
    void selectInLoadsWholeResultInOneQueryPerRelationship(TestDatabase db) {
        try (Engine engine = Engine.create(db.url()); Session session = Session.open(engine, SessionOptions.strict().registry(Inventory.REGISTRY))) {
            seed(engine);
            long before = session.statementCount();
            List<Order> orders = session.select(Order.class)
                    .options(Load.selectIn(Order.class, "lines"), Load.selectIn(OrderLine.class, "item"),
                            Load.selectIn(Item.class, "supplier"))
                    .orderBy(Inventory.ORDER_CUSTOMER.asc()).list();
            assertThat(session.statementCount() - before).isEqualTo(4);
            int lines = 0;
            for (Order o : orders) {
                for (OrderLine line : o.lines) {
                    assertThat(line.item.get().supplier.get().name).isEqualTo("Acme");
                    lines++;
                }
            }
            assertThat(lines).isEqualTo(9);
            assertThat(session.statementCount() - before).as("nothing loaded lazily").isEqualTo(4);
        }
    }

    @AllDatabases
    void nPlusOneWarnsNamingTheRelationshipAndStrictModeRaises(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            seed(engine);
            PrintStream original = System.err;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            try (Session session = Session.open(engine, Inventory.options())) {
                System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
                for (Order o : session.select(Order.class).list()) {
                    o.lines.size();
                }
            } finally {
                System.setErr(original);
            }
            String log = captured.toString(StandardCharsets.UTF_8);
            original.println(log);
            assertThat(log).contains("WARN").contains("N+1").contains("Order.lines")
                    .contains(".options(Load.selectIn(Order.class, \"lines\"))");

            try (Session session = Session.open(engine, SessionOptions.strict().registry(Inventory.REGISTRY))) {
                session.select(Inventory.Supplier.class).list(); // an earlier result: the message names the right one
                List<Order> orders = session.select(Order.class).list();
                orders.get(0).lines.size();
                orders.get(1).lines.size();
                assertThatThrownBy(() -> orders.get(2).lines.size()).isInstanceOf(NPlusOneException.class)
                        .hasMessageContaining("Order.lines").hasMessageContaining("Load.selectIn(Order.class, \"lines\")")
                        .hasMessageContaining("3 times for objects of one result (session.select(Order.class))");
            }
        }
    }

    @AllDatabases
    void unloadedRelationshipAfterCloseAndRaiseAreClearErrors(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            seed(engine);
            Order order;
            Item item;
            try (Session session = Session.open(engine, Inventory.options())) {
                order = session.select(Order.class).orderBy(Inventory.ORDER_CUSTOMER.asc()).first();
                item = session.select(Item.class).options(Load.raise(Item.class, "supplier")).first();
                assertThatThrownBy(() -> item.supplier.get()).isInstanceOf(UnloadedRelationshipException.class)
                        .hasMessageContaining("Item.supplier").hasMessageContaining("raise")
                        .hasMessageContaining("Load.selectIn(Item.class, \"supplier\")");
            }
            assertThatThrownBy(() -> order.lines.size()).isInstanceOf(UnloadedRelationshipException.class)
                    .hasMessageContaining("Order.lines").hasMessageContaining("session that loaded it is closed")
                    .hasMessageContaining(".options(Load.selectIn(Order.class, \"lines\"))");
            assertThat(item.supplier.isLoaded()).isFalse();
        }
    }

    @AllDatabases
    void cascadeDeleteAndDeleteOrphan(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Session session = Session.open(engine, Inventory.options())) {
            seed(engine);
            Order order = session.select(Order.class).where(Inventory.ORDER_CUSTOMER.eq("customer 1")).one();
            OrderLine dropped = order.lines.remove(0);
            session.commit();
            assertThat(db.queryOne("SELECT count(*) FROM order_line WHERE id = " + dropped.id)).isEqualTo("0");
            assertThat(db.queryOne("SELECT count(*) FROM order_line WHERE order_id = " + order.id)).isEqualTo("2");

            session.delete(order);
            session.commit();
            assertThat(db.queryOne("SELECT count(*) FROM orders WHERE id = " + order.id)).isEqualTo("0");
            assertThat(db.queryOne("SELECT count(*) FROM order_line")).isEqualTo("6");
            assertThat(db.queryOne("SELECT count(*) FROM item")).as("no cascade to items").isEqualTo("9");
        }
    }

    @AllDatabases
    void selfReferentialTree(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            Inventory.createSchema(engine);
            try (Session session = Session.open(engine, Inventory.options())) {
                Category root = new Category("Hardware");
                Category fasteners = root.child("Fasteners");
                fasteners.child("Bolts");
                fasteners.child("Nuts");
                root.child("Tools");
                session.add(root);
                session.commit();
                assertThat(fasteners.parentId).isEqualTo(root.id);
            }
            assertThat(db.queryOne("SELECT count(*) FROM category WHERE parent_id IS NOT NULL")).isEqualTo("4");
            try (Session session = Session.open(engine, SessionOptions.strict().registry(Inventory.REGISTRY))) {
                long before = session.statementCount();
                Category root = session.select(Category.class).where(Inventory.REGISTRY.of(Category.class).table()
                        .column("parent_id", Long.class).isNull()).options(Load.selectIn(Category.class, "children")).one();
                assertThat(session.statementCount() - before).as("root, its children, their children, theirs").isEqualTo(4);
                Category fasteners = root.children.stream().filter(c -> c.name.equals("Fasteners")).findFirst().orElseThrow();
                assertThat(fasteners.children).extracting(c -> c.name).containsExactlyInAnyOrder("Bolts", "Nuts");
                assertThat(fasteners.children.get(0).parent.get()).isSameAs(fasteners);
                session.delete(root);
                session.commit();
            }
            assertThat(db.queryOne("SELECT count(*) FROM category")).isEqualTo("0");
        }
    }

    @AllDatabases
    void manyToManyThroughAnAssociationModel(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            Inventory.createSchema(engine);
            Item item = new Item("Hammer", "15.00");
            try (Session session = Session.open(engine, Inventory.options())) {
                Tag heavy = new Tag("heavy");
                Tag steel = new Tag("steel");
                item.tags.add(heavy);
                item.tags.add(steel);
                session.add(item);
                session.commit();
            }
            assertThat(db.queryOne("SELECT count(*) FROM item_tag WHERE item_id = " + item.id)).isEqualTo("2");
            try (Session session = Session.open(engine, Inventory.options())) {
                Item loaded = session.get(Item.class, item.id);
                assertThat(loaded.tags).extracting(t -> t.label).containsExactlyInAnyOrder("heavy", "steel");
                loaded.tags.removeIf(t -> t.label.equals("heavy"));
                session.commit();
            }
            assertThat(db.queryOne("SELECT count(*) FROM item_tag")).isEqualTo("1");
            assertThat(db.queryOne("SELECT count(*) FROM tag")).as("the tag itself stays").isEqualTo("2");
        }
    }
}
