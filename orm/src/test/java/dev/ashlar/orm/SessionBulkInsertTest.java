package dev.ashlar.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.UniqueViolationException;
import dev.ashlar.orm.Shop.Customer;
import dev.ashlar.orm.Shop.Profile;
import dev.ashlar.orm.Shop.Purchase;
import dev.ashlar.orm.Shop.PurchaseLine;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.DatabaseKind;
import dev.ashlar.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Many new objects whose only generated column is their key: on PostgreSQL the session draws the
 * keys and COPYs the rows (core's {@code insertWithDrawnKeys}), elsewhere it inserts with RETURNING.
 * Either way every object gets the key its row holds, children reference their parents' keys, a
 * rollback leaves no row, and a failed insert raises the database's typed error and takes the keys back.
 */
class SessionBulkInsertTest {
    private static List<Purchase> purchases(int count) {
        List<Purchase> purchases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Purchase p = new Purchase("P" + i);
            p.add("first " + i, i);
            p.add("second " + i, i + 1);
            purchases.add(p);
        }
        return purchases;
    }

    @AllDatabases
    void manyParentsAndChildrenGetTheKeysTheirRowsHold(TestDatabase db) throws Exception {
        List<Purchase> purchases = purchases(1_500);
        try (Engine engine = Engine.create(db.url())) {
            Shop.createSchema(engine);
            try (Session session = Session.open(engine, Shop.options())) {
                session.addAll(purchases);
                int before = session.statements().size();
                session.commit();
                List<String> sent = session.statements().subList(before, session.statements().size());
                if (db.kind() == DatabaseKind.POSTGRESQL) {
                    assertThat(sent).filteredOn(s -> s.startsWith("COPY ")).hasSize(2)
                            .anySatisfy(s -> assertThat(s).startsWith("COPY purchase (id, "))
                            .anySatisfy(s -> assertThat(s).startsWith("COPY purchase_line (id, "));
                    assertThat(sent).filteredOn(s -> s.startsWith("SELECT nextval(")).hasSize(2);
                    assertThat(sent).noneMatch(s -> s.contains("RETURNING"));
                } else {
                    assertThat(sent).noneMatch(s -> s.startsWith("COPY "));
                }
            }
        }
        Set<Long> ids = new HashSet<>();
        Map<Long, Purchase> byId = new HashMap<>();
        for (Purchase p : purchases) {
            assertThat(p.id).isNotNull();
            byId.put(p.id, p);
            for (PurchaseLine line : p.lines) {
                assertThat(line.id).isNotNull();
                assertThat(line.purchaseId).isEqualTo(p.id);
                ids.add(line.id);
            }
        }
        assertThat(byId).hasSize(1_500);
        assertThat(ids).hasSize(3_000);
        int rows = 0;
        try (Connection c = db.openJdbc(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT p.id, p.code, l.id, l.product, l.quantity FROM purchase p JOIN purchase_line l ON l.purchase_id = p.id")) {
            while (rs.next()) {
                Purchase p = byId.get(rs.getLong(1));
                assertThat(rs.getString(2)).isEqualTo(p.code);
                PurchaseLine line = p.lines.stream().filter(l -> l.id.equals(idOf(rs))).findFirst().orElseThrow();
                assertThat(rs.getString(4)).isEqualTo(line.product);
                assertThat(rs.getInt(5)).isEqualTo(line.quantity);
                rows++;
            }
        }
        assertThat(rows).isEqualTo(3_000);
        // the keys were drawn from the sequence the column's default uses: the next row gets a new one
        try (Engine engine = Engine.create(db.url()); Session session = Session.open(engine, Shop.options())) {
            Purchase next = new Purchase("next");
            session.add(next);
            session.commit();
            assertThat(byId).doesNotContainKey(next.id);
        }
    }

    private static Long idOf(ResultSet rs) {
        try {
            return rs.getLong(3);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AllDatabases
    void aRollbackLeavesNoRowAndTheObjectsOutOfTheSession(TestDatabase db) throws Exception {
        List<Purchase> purchases = purchases(300);
        try (Engine engine = Engine.create(db.url())) {
            Shop.createSchema(engine);
            try (Session session = Session.open(engine, Shop.options())) {
                session.addAll(purchases);
                session.flush();
                assertThat(purchases).allSatisfy(p -> assertThat(p.id).isNotNull());
                session.rollback();
                assertThat(purchases).allSatisfy(p -> assertThat(session.contains(p)).isFalse());
            }
        }
        try (Connection c = db.openJdbc(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT (SELECT count(*) FROM purchase) + (SELECT count(*) FROM purchase_line)")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @AllDatabases
    void aDuplicateInABigGroupRaisesTheTypedErrorAndWritesNothing(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            Shop.createSchema(engine);
            List<Customer> customers = new ArrayList<>();
            try (Session session = Session.open(engine, Shop.options())) {
                for (int i = 0; i < 200; i++) {
                    customers.add(new Customer("c" + i));
                }
                session.addAll(customers);
                session.commit();
            }
            List<Profile> profiles = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Profile p = new Profile("bio " + i);
                // profile 150 claims the customer of profile 20: the unique key refuses it
                p.customerId = customers.get(i == 150 ? 20 : i).id;
                profiles.add(p);
            }
            try (Session session = Session.open(engine, Shop.options())) {
                session.addAll(profiles);
                Throwable failure = catchThrowable(session::commit);
                assertThat(failure).isInstanceOf(UniqueViolationException.class);
            }
            // the failed flush undid what it had set: no profile keeps a key its row never got
            assertThat(profiles).allSatisfy(p -> assertThat(p.id).isNull());
        }
        try (Connection c = db.openJdbc(); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM profile")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }
}
