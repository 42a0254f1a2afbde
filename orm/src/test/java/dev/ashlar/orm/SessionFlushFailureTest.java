package dev.ashlar.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.UniqueViolationException;
import dev.ashlar.orm.Shop.Customer;
import dev.ashlar.orm.Shop.Profile;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * A flush that fails is all or nothing whether it began the session's transaction (then the
 * transaction is rolled back: nothing else was in it) or came after earlier writes of it (then it
 * rolls back to its own savepoint and the earlier writes stay), and the session stays usable.
 */
class SessionFlushFailureTest {
    private static Profile profileOf(Customer customer, String bio) {
        Profile p = new Profile(bio);
        p.customerId = customer.id;
        return p;
    }

    private static List<String> biosInDatabase(TestDatabase db) throws Exception {
        List<String> bios = new ArrayList<>();
        try (Connection c = db.openJdbc(); ResultSet rs = c.createStatement().executeQuery("SELECT bio FROM profile ORDER BY bio")) {
            while (rs.next()) {
                bios.add(rs.getString(1));
            }
        }
        return bios;
    }

    @AllDatabases
    void aFailedFirstFlushLeavesNothingAndTheSessionGoesOn(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            Shop.createSchema(engine);
            Customer ada;
            try (Session session = Session.open(engine, Shop.options())) {
                ada = new Customer("ada");
                session.add(ada);
                session.add(new Customer("bob"));
                session.commit();
            }
            try (Session session = Session.open(engine, Shop.options())) {
                Profile first = profileOf(ada, "first");
                Profile clash = profileOf(ada, "clash"); // the same customer twice: the unique key refuses it
                session.addAll(List.of(first, clash));
                assertThat(catchThrowable(session::flush)).isInstanceOf(UniqueViolationException.class);
                assertThat(first.id).as("the key the failed flush set is taken back").isNull();
                assertThat(clash.id).isNull();
                assertThat(biosInDatabase(db)).isEmpty();

                session.expunge(clash);
                session.commit(); // the session goes on: the good object is written in a new transaction
                assertThat(first.id).isNotNull();
            }
            assertThat(biosInDatabase(db)).containsExactly("first");
        }
    }

    @AllDatabases
    void aFailedLaterFlushRollsBackToItsSavepointOnly(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            Shop.createSchema(engine);
            Customer ada = new Customer("ada");
            Customer bob = new Customer("bob");
            try (Session session = Session.open(engine, Shop.options())) {
                session.addAll(List.of(ada, bob));
                session.commit();
            }
            try (Session session = Session.open(engine, Shop.options())) {
                session.add(profileOf(ada, "kept"));
                session.flush(); // begins the transaction
                Profile clash = profileOf(ada, "clash");
                session.add(clash);
                assertThat(catchThrowable(session::flush)).isInstanceOf(UniqueViolationException.class);
                assertThat(clash.id).isNull();

                clash.customerId = bob.id;
                session.commit(); // the first flush's row and the corrected one, in the same transaction
            }
            assertThat(biosInDatabase(db)).containsExactly("clash", "kept");
        }
    }
}
