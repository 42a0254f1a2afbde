package dev.ashlar.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.UsageException;
import dev.ashlar.orm.Inventory.Item;
import dev.ashlar.orm.Inventory.Note;
import dev.ashlar.orm.Inventory.Order;
import dev.ashlar.orm.Inventory.Stock;
import dev.ashlar.orm.Inventory.Supplier;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

class SessionBasicsTest {


    @AllDatabases
    void addCommitGetUsesOneObjectPerRow(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            Inventory.createSchema(engine);
            Long id;
            try (Session session = Session.open(engine, Inventory.options())) {
                Item widget = new Item("Widget", "9.99");
                session.add(widget);
                session.commit();
                id = widget.id;
                assertThat(id).isNotNull();
                assertThat(widget.version).isEqualTo(1);
                assertThat(session.get(Item.class, id)).isSameAs(widget);
            }
            assertThat(db.queryOne("SELECT name FROM item WHERE id = " + id)).isEqualTo("Widget");
            try (Session session = Session.open(engine, Inventory.options())) {
                Item a = session.get(Item.class, id.intValue());
                Item b = session.select(Item.class).where(Inventory.ITEM_NAME.eq("Widget")).one();
                assertThat(a).isSameAs(b);
                assertThat(a.price).isEqualByComparingTo("9.99");
                assertThat(session.get(Item.class, 999_999L)).isNull();
            }
        }
    }

    @AllDatabases
    void getWithAKeyOfTheWrongTypeNamesTheModelAndTheKeyType(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            Inventory.createSchema(engine);
            try (Session session = Session.open(engine, Inventory.options())) {
                Item widget = new Item("Widget", "9.99");
                session.add(widget);
                session.commit();
                long before = session.statementCount();
                assertThatThrownBy(() -> session.get(Item.class, "wrong-type-key"))
                        .isInstanceOf(InvalidKeyException.class)
                        .hasMessage("Item's primary key is (id Long), so a key for it is one Long; got \"wrong-type-key\" (String) for id")
                        .satisfies(e -> {
                            assertThat(((InvalidKeyException) e).model()).isEqualTo(Item.class);
                            assertThat(((InvalidKeyException) e).expectedTypes()).containsExactly(Long.class);
                        });
                assertThatThrownBy(() -> session.get(Item.class, (Object) null))
                        .isInstanceOf(InvalidKeyException.class).hasMessageEndingWith("got null for id");
                assertThatThrownBy(() -> session.get(Stock.class, "north"))
                        .isInstanceOf(InvalidKeyException.class)
                        .hasMessageContaining("Stock's primary key is (warehouse String, itemId Long)")
                        .hasMessageContaining("got 1 value(s) [north]");
                assertThatThrownBy(() -> session.get(Stock.class, "north", "not-a-number"))
                        .isInstanceOf(InvalidKeyException.class).hasMessageEndingWith("got \"not-a-number\" (String) for itemId");
                // nothing was sent for the bad keys, and a key of another number width still finds the row
                assertThat(session.statementCount()).isEqualTo(before);
                assertThat(session.get(Item.class, widget.id.intValue())).isSameAs(widget);
            }
            assertThat(db.queryOne("SELECT COUNT(*) FROM item")).isEqualTo("1");
        }
    }

    @AllDatabases
    void generatedColumnsOfTheSharedRegistryWorkInASessionOverAnotherRegistry(TestDatabase db) throws Exception {
        // Inventory_Item_ belongs to the shared registry (Models); the session maps Item with Inventory's own
        assertThat(Inventory_Item_.TABLE).isNotSameAs(Inventory.REGISTRY.of(Item.class).table());
        try (Engine engine = Engine.create(db.url())) {
            Inventory.createSchema(engine);
            try (Session session = Session.open(engine, Inventory.options())) {
                session.add(new Item("Widget", "9.99"));
                session.add(new Item("Gadget", "19.99"));
                session.add(new Item("Gizmo", "29.99"));
                session.commit();
                List<Item> found = session.select(Item.class)
                        .where(Inventory_Item_.price.gt(new BigDecimal("10"))).orderBy(Inventory_Item_.price.desc())
                        .options(Load.selectIn(Inventory_Item_.supplier)).list();
                assertThat(found).extracting(i -> i.name).containsExactly("Gizmo", "Gadget");
                assertThat(found.get(0)).isSameAs(session.get(Item.class, found.get(0).id));
            }
            assertThat(db.queryOne("SELECT COUNT(*) FROM item WHERE price > 10")).isEqualTo("2");
        }
    }

    @AllDatabases
    void updatesOnlyChangedColumns(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Session session = Session.open(engine, Inventory.options())) {
            Inventory.createSchema(engine);
            Item item = new Item("Widget", "9.99");
            session.add(item);
            session.commit();
            item.price = new BigDecimal("12.50");
            long before = session.statementCount();
            session.commit();
            assertThat(session.statementCount() - before).isEqualTo(1);
            String update = session.statements().get(session.statements().size() - 1);
            assertThat(update).startsWith("UPDATE").contains("price").doesNotContain("name");
            session.commit();
            assertThat(session.statementCount() - before).as("nothing changed, nothing sent").isEqualTo(1);
            assertThat(db.queryOne("SELECT price FROM item WHERE id = " + item.id)).startsWith("12.5");
            assertThat(db.queryOne("SELECT version FROM item WHERE id = " + item.id)).isEqualTo("2");
        }
    }

    @AllDatabases
    void flushBatchesUpdatesAndOrdersByForeignKeys(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Session session = Session.open(engine, Inventory.options())) {
            Inventory.createSchema(engine);
            Order order = new Order("Ada");
            Item bolt = new Item("Bolt", "0.10");
            Supplier acme = new Supplier("Acme");
            bolt.supplier.set(acme);
            order.add(bolt, 100);
            // the item (referencing the supplier) is added first: the flush still inserts supplier, item, order, line
            session.add(bolt);
            session.add(order);
            session.commit();
            assertThat(db.queryOne("SELECT count(*) FROM order_line WHERE order_id = " + order.id + " AND item_id = " + bolt.id))
                    .isEqualTo("1");
            assertThat(bolt.supplierId).isEqualTo(acme.id);
            assertThat(order.placedAt).isNotNull();

            Supplier other = new Supplier("Other");
            session.add(other);
            session.commit();
            List<Supplier> suppliers = new ArrayList<>(List.of(acme, other));
            for (Supplier s : suppliers) {
                s.name = s.name + " Ltd";
            }
            long before = session.statementCount();
            session.commit();
            assertThat(session.statementCount() - before).as("two same-shaped updates in one batch").isEqualTo(1);
            assertThat(db.queryOne("SELECT count(*) FROM supplier WHERE name LIKE '% Ltd'")).isEqualTo("2");
        }
    }

    @AllDatabases
    void newRowsWithGeneratedKeysGoOutInOneInsertReturning(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Session session = Session.open(engine, Inventory.options())) {
            Inventory.createSchema(engine);
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                items.add(new Item("bulk " + i, i + ".25"));
            }
            session.addAll(items);
            long before = session.statementCount();
            session.flush();
            assertThat(session.statementCount() - before).isEqualTo(1);
            assertThat(session.statements().get(session.statements().size() - 1)).contains("RETURNING");
            session.commit();
            for (Item item : items) {
                assertThat(db.queryOne("SELECT name FROM item WHERE id = " + item.id)).isEqualTo(item.name);
            }
            assertThat(items).extracting(i -> i.id).doesNotHaveDuplicates();
        }
    }

    @AllDatabases
    void compositeKeysDeleteRefreshMergeExpunge(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            Inventory.createSchema(engine);
            Item item = new Item("Nut", "0.05");
            try (Session session = Session.open(engine, Inventory.options())) {
                session.add(item);
                session.flush();
                Stock stock = new Stock();
                stock.warehouse = "north";
                stock.itemId = item.id;
                stock.quantity = 7;
                session.add(stock);
                session.commit();
                assertThat(session.get(Stock.class, "north", item.id)).isSameAs(stock);
            }
            try (Session session = Session.open(engine, Inventory.options())) {
                Stock stock = session.get(Stock.class, "north", item.id);
                assertThat(stock.quantity).isEqualTo(7);
                stock.quantity = 99;
                session.refresh(stock);
                assertThat(stock.quantity).as("refresh drops the unflushed change").isEqualTo(7);
                session.delete(stock);
                assertThat(session.get(Stock.class, "north", item.id)).isNull();
                session.commit();
            }
            assertThat(db.queryOne("SELECT count(*) FROM stock")).isEqualTo("0");

            item.name = "Nut M6";
            try (Session session = Session.open(engine, Inventory.options())) {
                Item merged = session.merge(item);
                assertThat(merged).isNotSameAs(item);
                assertThat(merged.name).isEqualTo("Nut M6");
                session.commit();
                session.expunge(merged);
                assertThat(session.contains(merged)).isFalse();
                Item again = session.get(Item.class, item.id);
                assertThat(again).isNotSameAs(merged);
                session.clear();
                assertThat(session.contains(again)).isFalse();
            }
            assertThat(db.queryOne("SELECT name FROM item WHERE id = " + item.id)).isEqualTo("Nut M6");
        }
    }

    @AllDatabases
    void rollbackPutsMemoryBack(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Session session = Session.open(engine, Inventory.options())) {
            Inventory.createSchema(engine);
            Item item = new Item("Washer", "0.02");
            session.add(item);
            session.commit();
            item.name = "Changed";
            session.flush();
            Item extra = new Item("Extra", "1.00");
            session.add(extra);
            session.rollback();
            assertThat(item.name).isEqualTo("Washer");
            assertThat(session.contains(extra)).isFalse();
            assertThat(db.queryOne("SELECT count(*) FROM item")).isEqualTo("1");
            assertThat(db.queryOne("SELECT name FROM item")).isEqualTo("Washer");
        }
    }

    @AllDatabases
    void closedSessionNamesTheOperation(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            Session session = Session.open(engine, Inventory.options());
            session.close();
            assertThatThrownBy(() -> session.add(new Item("x", "1"))).isInstanceOf(SessionClosedException.class)
                    .hasMessageContaining("cannot add");
            assertThatThrownBy(() -> session.get(Item.class, 1)).isInstanceOf(SessionClosedException.class)
                    .extracting(e -> ((SessionClosedException) e).operation()).isEqualTo("get");
            assertThatThrownBy(session::commit).isInstanceOf(SessionClosedException.class).hasMessageContaining("cannot commit");
        }
    }

    @AllDatabases
    void recordsInsertAndUpdateExplicitly(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Session session = Session.open(engine, Inventory.options())) {
            Inventory.createSchema(engine);
            Note saved = session.insert(new Note(null, "first", null));
            assertThat(saved.id()).isNotNull();
            assertThat(saved.version()).isEqualTo(1);
            Note changed = session.update(new Note(saved.id(), "second", saved.version()));
            assertThat(changed.version()).isEqualTo(2);
            assertThatThrownBy(() -> session.update(new Note(saved.id(), "stale", 1))).isInstanceOf(StaleObjectException.class);
            assertThatThrownBy(() -> session.add(saved)).isInstanceOf(UsageException.class).hasMessageContaining("records");
            assertThat(session.get(Note.class, saved.id()).text()).isEqualTo("second");
            session.commit();
            assertThat(db.queryOne("SELECT text FROM note")).isEqualTo("second");
        }
    }
}
