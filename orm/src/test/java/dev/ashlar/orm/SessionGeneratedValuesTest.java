package dev.ashlar.orm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.engine.Engine;
import dev.ashlar.orm.Shop.Counter;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** After a flush, objects hold what the database chose (server defaults) and the on-update values. */
class SessionGeneratedValuesTest {


    @AllDatabases
    void serverDefaultsComeBackWithTheMultiRowInsert(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            Shop.createSchema(engine);
            try (Session session = Session.open(engine, Shop.options())) {
                List<Counter> counters = List.of(new Counter("a"), new Counter("b"), new Counter("c"));
                Counter given = new Counter("given");
                given.start = 3;
                session.addAll(counters);
                session.add(given);
                int before = session.statements().size();
                session.flush();
                List<String> sent = session.statements().subList(before, session.statements().size());
                assertThat(sent.stream().filter(s -> s.startsWith("INSERT")).count())
                        .as("one multi-row INSERT ... RETURNING for the three rows alike, one for the other: " + sent).isEqualTo(2);
                for (Counter c : counters) {
                    assertThat(c.id).isNotNull();
                    assertThat(c.start).isEqualTo(7);
                    assertThat(c.state).isEqualTo("fresh");
                    assertThat(c.touchedAt).isNotNull();
                }
                assertThat(given.start).isEqualTo(3);
                assertThat(given.state).isEqualTo("fresh");
                session.commit();
            }
            assertThat(db.queryOne("SELECT count(*) FROM counter WHERE start = 7 AND state = 'fresh'")).isEqualTo("3");
        }
    }

    @AllDatabases
    void onUpdateValuesAreSetOnTheObject(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            Shop.createSchema(engine);
            Counter counter = new Counter("a");
            LocalDateTime inserted;
            try (Session session = Session.open(engine, Shop.options())) {
                session.add(counter);
                session.commit();
                inserted = counter.touchedAt;
                // the update must read a later time: wait until the clock (at the microseconds the supplier keeps) has moved on
                while (!LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS).isAfter(inserted)) {
                    Thread.onSpinWait();
                }
                counter.name = "renamed";
                session.commit();
                assertThat(counter.touchedAt).as("set by the update's on-update supplier").isAfter(inserted);
                Counter untouched = new Counter("b");
                session.add(untouched);
                session.commit();
                LocalDateTime before = untouched.touchedAt;
                session.flush();
                assertThat(untouched.touchedAt).as("no update, no new time").isEqualTo(before);
            }
            try (Session session = Session.open(engine, Shop.options())) {
                Counter reloaded = session.get(Counter.class, counter.id);
                assertThat(reloaded.name).isEqualTo("renamed");
                assertThat(reloaded.touchedAt).as("memory matched the row").isEqualTo(counter.touchedAt);
            }
        }
    }
}
