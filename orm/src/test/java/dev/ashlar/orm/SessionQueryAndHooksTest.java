package dev.ashlar.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.NoResultException;
import dev.ashlar.orm.Inventory.Item;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

class SessionQueryAndHooksTest {

    @AllDatabases
    void queriesReturnModelsAndAutoflush(TestDatabase db) {
        try (Engine engine = Engine.create(db.url()); Session session = Session.open(engine, Inventory.options())) {
            Inventory.createSchema(engine);
            for (int i = 1; i <= 5; i++) {
                session.add(new Item("item " + i, i + ".00"));
            }
            // no flush: the query flushes first
            List<Item> cheap = session.select(Item.class).where(Inventory.ITEM_PRICE.lt(new BigDecimal("3.00")))
                    .orderBy(Inventory.ITEM_PRICE.desc()).list();
            assertThat(cheap).extracting(i -> i.name).containsExactly("item 2", "item 1");
            assertThat(session.select(Item.class).orderBy(Inventory.ITEM_NAME.asc()).first().name).isEqualTo("item 1");
            assertThat(session.select(Item.class).where(Inventory.ITEM_NAME.eq("item 4")).one().price).isEqualByComparingTo("4");
            assertThatThrownBy(() -> session.select(Item.class).one()).isInstanceOf(NoResultException.class);
            assertThat(session.select(Item.class).orderBy(Inventory.ITEM_NAME.asc()).limit(2).offset(1).list())
                    .extracting(i -> i.name).containsExactly("item 2", "item 3");
        }
    }

    @AllDatabases
    void streamDoesNotFillTheIdentityMap(TestDatabase db) {
        try (Engine engine = Engine.create(db.url()); Session session = Session.open(engine, Inventory.options())) {
            Inventory.createSchema(engine);
            for (int i = 1; i <= 20; i++) {
                session.add(new Item("item " + i, "1.00"));
            }
            session.commit();
            session.clear();
            try (Stream<Item> items = session.select(Item.class).stream()) {
                List<Item> all = items.toList();
                assertThat(all).hasSize(20);
                assertThat(all).noneMatch(session::contains);
                assertThat(all.get(0).events).containsExactly("afterLoad");
            }
        }
    }

    @AllDatabases
    void lifecycleHooksRunAroundEachWrite(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            Inventory.createSchema(engine);
            Item item = new Item("Hooked", "1.00");
            try (Session session = Session.open(engine, Inventory.options())) {
                session.add(item);
                session.commit();
                item.price = new BigDecimal("2.00");
                session.commit();
                session.delete(item);
                session.commit();
            }
            assertThat(item.events).containsExactly("beforeInsert", "afterInsert id=" + item.id, "beforeUpdate",
                    "afterUpdate version=2", "beforeDelete", "afterDelete");
            try (Session session = Session.open(engine, Inventory.options())) {
                Item again = new Item("Loaded", "1.00");
                session.add(again);
                session.commit();
                session.clear();
                Item loaded = session.get(Item.class, again.id);
                assertThat(loaded.events).containsExactly("afterLoad");
                assertThat(session.get(Item.class, again.id).events).as("identity map hit: no second afterLoad").hasSize(1);
            }
        }
    }
}
