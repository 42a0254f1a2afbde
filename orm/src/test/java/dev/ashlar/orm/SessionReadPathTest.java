package dev.ashlar.orm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.engine.Engine;
import dev.ashlar.orm.Inventory.Item;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The session's read path: reads before the first write run in autocommit (the transaction begins
 * at the first write), loaded objects keep their own snapshot, and stream reads through a cursor.
 */
class SessionReadPathTest {

    private static void jdbc(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.openJdbc()) {
            c.setAutoCommit(true);
            c.createStatement().executeUpdate(sql);
        }
    }


    private static List<Long> addItems(Engine engine, int n) {
        try (Session session = Session.open(engine, Inventory.options())) {
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.add(new Item("Item " + i, i + ".50"));
            }
            session.addAll(items);
            session.commit();
            return items.stream().map(it -> it.id).toList();
        }
    }

    @AllDatabases
    void readsBeforeTheFirstWriteSeeCommittedRowsAndKeepTheirObjects(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            Inventory.createSchema(engine);
            Long first = addItems(engine, 1).get(0);
            try (Session session = Session.open(engine, Inventory.options())) {
                Item a = session.get(Item.class, first);
                // Another connection commits meanwhile. In a transaction begun by the first read, SQLite
                // (a WAL snapshot) and MariaDB (REPEATABLE READ) would not show the new row; in autocommit they do.
                jdbc(db, "INSERT INTO item (name, price, status, version) VALUES ('Later', 1.00, 'ACTIVE', 1)");
                assertThat(session.select(Item.class).where(Inventory.ITEM_NAME.eq("Later")).list())
                        .extracting(it -> it.name).containsExactly("Later");
                // the identity map does not depend on the transaction: the same row is the same object
                assertThat(session.get(Item.class, first)).isSameAs(a);
                assertThat(session.select(Item.class).where(Inventory.ITEM_NAME.eq("Item 0")).one()).isSameAs(a);
            }
        }
    }

    @AllDatabases
    void rowsWhoseKeysComeOutOfOrderAreOneObjectPerKeyForTheRestOfTheSession(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            Inventory.createSchema(engine);
            List<Long> ids = addItems(engine, 300);
            try (Session session = Session.open(engine, Inventory.options())) {
                // by name, "Item 0", "Item 1", "Item 10", "Item 100", ...: keys out of order, as a heap rewritten by updates gives them
                List<Item> byName = session.select(Item.class).orderBy(Inventory.ITEM_NAME).list();
                assertThat(byName).hasSize(300);
                assertThat(byName).extracting(it -> it.id).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
                assertThat(byName.get(2).name).isEqualTo("Item 10");
                for (Item item : byName) {
                    assertThat(session.get(Item.class, item.id)).isSameAs(item);
                }
                // read again, in key order: the same objects, none made twice
                List<Item> byKey = session.select(Item.class).orderBy(Inventory.REGISTRY.of(Item.class).table().column("id", Long.class)).list();
                assertThat(byKey).hasSize(300);
                for (Item item : byKey) {
                    assertThat(byName).anySatisfy(other -> assertThat(other).isSameAs(item));
                }
                // a change to one of them is found by the flush, as for any loaded object
                byName.get(2).price = new BigDecimal("42.00");
                session.commit();
            }
            assertThat(new BigDecimal(db.queryOne("SELECT price FROM item WHERE name = 'Item 10'"))).isEqualByComparingTo("42.00");
        }
    }

    @AllDatabases
    void theFirstWriteBeginsTheTransactionThatRollbackUndoes(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            Inventory.createSchema(engine);
            Long id = addItems(engine, 1).get(0);
            try (Session session = Session.open(engine, Inventory.options())) {
                Item item = session.get(Item.class, id);
                item.price = new BigDecimal("99.00");
                session.flush();
                // the flush's UPDATE is in the session's transaction, which the session reads in
                assertThat(session.select(Item.class).where(Inventory.ITEM_NAME.eq("Item 0")).one().price)
                        .isEqualByComparingTo("99.00");
                session.rollback();
                assertThat(item.price).isEqualByComparingTo("0.50");
            }
            assertThat(new BigDecimal(db.queryOne("SELECT price FROM item WHERE id = " + id))).isEqualByComparingTo("0.50");
            try (Session session = Session.open(engine, Inventory.options())) {
                session.get(Item.class, id).price = new BigDecimal("7.00");
                session.commit();
            }
            assertThat(new BigDecimal(db.queryOne("SELECT price FROM item WHERE id = " + id))).isEqualByComparingTo("7.00");
        }
    }

    @AllDatabases
    void loadedObjectsAreComparedWithTheValuesTheyWereLoadedWith(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            Inventory.createSchema(engine);
            addItems(engine, 50);
            try (Session session = Session.open(engine, Inventory.options())) {
                List<Item> all = session.select(Item.class).orderBy(Inventory.ITEM_NAME).list();
                assertThat(all).hasSize(50);
                long before = session.statementCount();
                session.flush();
                assertThat(session.statementCount() - before).as("nothing changed, nothing sent").isZero();
                Item changed = all.get(3);
                changed.name = "Renamed";
                session.commit();
                assertThat(session.statementCount() - before).as("one UPDATE").isEqualTo(1);
                assertThat(session.statements().get(session.statements().size() - 1)).startsWith("UPDATE").contains("name");
                assertThat(db.queryOne("SELECT count(*) FROM item WHERE name = 'Renamed'")).isEqualTo("1");
                assertThat(db.queryOne("SELECT count(*) FROM item")).isEqualTo("50");
            }
        }
    }

    @AllDatabases
    void streamReadsEveryRowThroughACursorAndWritesStillWork(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            Inventory.createSchema(engine);
            addItems(engine, 2_500);
            try (Session session = Session.open(engine, Inventory.options());
                 Stream<Item> items = session.select(Item.class).stream()) {
                long count = 0;
                BigDecimal total = BigDecimal.ZERO;
                for (Item it : (Iterable<Item>) items::iterator) {
                    if (!it.name.startsWith("Item ")) {
                        continue; // whether a row inserted meanwhile shows up depends on the database
                    }
                    count++;
                    total = total.add(it.price);
                    if (count == 10) {
                        session.add(new Item("Added while streaming", "1.00"));
                        session.flush();
                    }
                }
                assertThat(count).isEqualTo(2_500);
                // 0.50 + 1.50 + ... + 2499.50
                assertThat(total).isEqualByComparingTo(new BigDecimal("3125000.00"));
                session.commit();
            }
            assertThat(db.queryOne("SELECT count(*) FROM item")).isEqualTo("2501");
        }
    }
}
