package dev.ashlar.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.engine.Engine;
import dev.ashlar.orm.Inventory.Item;
import dev.ashlar.orm.Inventory.Supplier;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.Blns;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class SessionLockingAndValidationTest {


    private static long seedItem(Engine engine) {
        Inventory.createSchema(engine);
        try (Session session = Session.open(engine, Inventory.options())) {
            Item item = new Item("Widget", "10.00");
            session.add(item);
            session.commit();
            return item.id;
        }
    }

    @AllDatabases
    void staleUpdateRaisesAndWritesNothing(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            long id = seedItem(engine);
            try (Session first = Session.open(engine, Inventory.options()); Session second = Session.open(engine, Inventory.options())) {
                Item a = first.get(Item.class, id);
                Item b = second.get(Item.class, id);
                second.commit(); // a conversation: read in one transaction, write in a later one
                a.price = new BigDecimal("11.00");
                first.commit();
                b.name = "Renamed";
                Item other = new Item("Other", "1.00");
                second.add(other);
                assertThatThrownBy(second::commit).isInstanceOf(StaleObjectException.class)
                        .hasMessageContaining("Item(id=" + id + ")").hasMessageContaining("expected version 1");
                assertThat(b.name).isEqualTo("Renamed");
                assertThat(other.id).as("the failed flush undid the generated key").isNull();
                assertThat(b.version).isEqualTo(1);
                second.rollback();
            }
            assertThat(db.queryOne("SELECT name FROM item WHERE id = " + id)).isEqualTo("Widget");
            assertThat(db.queryOne("SELECT count(*) FROM item")).as("the insert of the failed flush is gone").isEqualTo("1");
            assertThat(db.queryOne("SELECT version FROM item WHERE id = " + id)).isEqualTo("2");
        }
    }

    @AllDatabases
    void concurrentIncrementsLoseNoUpdate(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            long id = seedItem(engine);
            int workers = 4;
            int increments = 5;
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<Integer>> results = new java.util.ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        int conflicts = 0;
                        for (int i = 0; i < increments; ) {
                            try (Session session = Session.open(engine, Inventory.options())) {
                                Item item = session.get(Item.class, id);
                                item.price = item.price.add(BigDecimal.ONE);
                                session.commit();
                                i++;
                            } catch (StaleObjectException | dev.ashlar.core.error.OperationalException e) {
                                conflicts++; // someone else wrote first (or the database locked us out): retry
                            }
                        }
                        return conflicts;
                    }));
                }
                start.countDown();
                for (Future<Integer> f : results) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(new BigDecimal(db.queryOne("SELECT price FROM item WHERE id = " + id)))
                    .isEqualByComparingTo(new BigDecimal(10 + workers * increments));
            assertThat(db.queryOne("SELECT version FROM item WHERE id = " + id)).isEqualTo(String.valueOf(1 + workers * increments));
        }
    }

    @AllDatabases
    void validationListsEveryViolationAndSendsNothing(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Session session = Session.open(engine, Inventory.options())) {
            Inventory.createSchema(engine);
            Item tooLong = new Item("x".repeat(41), "1.00");
            Item tooPrecise = new Item("Precise", "1.005");
            Item tooBig = new Item("Big", "123456789.00");
            Item negative = new Item("Negative", "-1.00");
            Item missing = new Item();
            Supplier ok = new Supplier("Fine");
            session.addAll(List.of(ok, tooLong, tooPrecise, tooBig, negative, missing));
            long before = session.statementCount();
            ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class, session::flush);
            assertThat(session.statementCount()).isEqualTo(before);
            assertThat(e.violations()).extracting(Violation::field, Violation::rule).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("name", "length 41 exceeds 40"),
                    org.assertj.core.groups.Tuple.tuple("price", "numeric(10,2): 3 digits after the point, at most 2 allowed"),
                    org.assertj.core.groups.Tuple.tuple("price", "numeric(10,2): 9 digits before the point, at most 8 allowed"),
                    org.assertj.core.groups.Tuple.tuple("price", "must not be negative"),
                    org.assertj.core.groups.Tuple.tuple("name", "not null"),
                    org.assertj.core.groups.Tuple.tuple("price", "not null"));
            assertThat(e.violations()).allMatch(v -> v.model().equals("Item"));
            assertThat(e.getMessage()).contains("Item.price = 1.005: numeric(10,2)");
            assertThat(ok.id).isNull();
            session.rollback();
            assertThat(db.queryOne("SELECT count(*) FROM supplier")).isEqualTo("0");
        }
    }

    @AllDatabases
    void naughtyStringsWithinTheLengthAreAccepted(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Session session = Session.open(engine, Inventory.options())) {
            Inventory.createSchema(engine);
            int saved = 0;
            for (String s : Blns.storable()) {
                if (s.codePointCount(0, s.length()) <= 40 && !s.isEmpty()) {
                    session.add(new Item(s, "1.00"));
                    saved++;
                }
            }
            session.commit();
            assertThat(db.queryOne("SELECT count(*) FROM item")).isEqualTo(String.valueOf(saved));
            Item item = session.select(Item.class).where(Inventory.ITEM_NAME.eq(Blns.storable().get(Blns.storable().size() - 1)))
                    .first();
            item.status = null;
            session.commit(); // status is nullable: no violation
            assertThat(db.queryOne("SELECT count(*) FROM item WHERE status IS NULL")).isEqualTo(item == null ? "0" : "1");
        }
    }
}
