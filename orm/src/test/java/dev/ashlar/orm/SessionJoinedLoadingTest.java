package dev.ashlar.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.schema.Column;
import dev.ashlar.orm.Shop.Customer;
import dev.ashlar.orm.Shop.Purchase;
import dev.ashlar.orm.Shop.PurchaseLine;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;

/** Joined loading, compared with select-in loading of the same queries, and the typed loading options. */
class SessionJoinedLoadingTest {
    private static final Column<String> CODE = Shop.REGISTRY.of(Purchase.class).table().column("code", String.class);
    private static final Column<Long> CUSTOMER_ID = Shop.REGISTRY.of(Purchase.class).table().column("customer_id", Long.class);

    /** Three customers with four purchases each (0 to 3 lines), and one purchase without a customer. */
    private static void seed(Engine engine) {
        Shop.createSchema(engine);
        try (Session session = Session.open(engine, Shop.options())) {
            for (int c = 1; c <= 3; c++) {
                Customer customer = new Customer("customer " + c);
                for (int p = 0; p < 4; p++) {
                    Purchase purchase = new Purchase("P" + c + p);
                    purchase.customer.set(customer);
                    for (int l = 0; l < p; l++) {
                        purchase.add("product " + c + p + l, l + 1);
                    }
                    session.add(purchase);
                }
            }
            Purchase anonymous = new Purchase("P00");
            anonymous.add("walk-in", 1);
            session.add(anonymous);
            session.commit();
        }
    }


    /** What a test compares: each purchase with its customer and lines, read without loading anything. */
    private static List<String> describe(List<Purchase> purchases) {
        List<String> out = new ArrayList<>();
        for (Purchase p : purchases) {
            Customer c = p.customer.get();
            List<String> lines = new ArrayList<>();
            for (PurchaseLine line : p.lines) {
                assertThat(line.purchase.get()).as("the back reference is set from the same rows").isSameAs(p);
                lines.add(line.product + " x" + line.quantity);
            }
            out.add(p.code + " by " + (c == null ? "nobody" : c.name) + ": " + lines);
        }
        return out;
    }

    @AllDatabases
    void joinedLoadsToOneAndToManyInOneStatementLikeSelectIn(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            seed(engine);
            List<String> joined;
            try (Session session = Session.open(engine, Shop.options())) {
                long before = session.statementCount();
                List<Purchase> purchases = session.select(Purchase.class)
                        .options(Load.joined(Shop_Purchase_.customer), Load.joined(Shop_Purchase_.lines))
                        .orderBy(CODE.asc()).list();
                assertThat(session.statementCount() - before).as(String.join("\n", session.statements())).isEqualTo(1);
                assertThat(purchases).hasSize(Integer.parseInt(db.queryOne("SELECT count(*) FROM purchase")));
                assertThat(purchases).doesNotHaveDuplicates();
                joined = describe(purchases);
                assertThat(session.statementCount() - before).as("nothing loaded afterwards").isEqualTo(1);
                Purchase a = purchases.get(1);
                Purchase b = purchases.get(2);
                assertThat(a.customer.get()).as("one object per row: the identity map").isSameAs(b.customer.get());
                assertThat(session.get(Purchase.class, a.id)).isSameAs(a);
            }
            try (Session session = Session.open(engine, Shop.options())) {
                long before = session.statementCount();
                List<Purchase> purchases = session.select(Purchase.class)
                        .options(Load.selectIn(Shop_Purchase_.customer), Load.selectIn(Shop_Purchase_.lines))
                        .orderBy(CODE.asc()).list();
                assertThat(session.statementCount() - before).isEqualTo(3);
                assertThat(describe(purchases)).isEqualTo(joined);
            }
            assertThat(joined).hasSize(13).contains("P00 by nobody: [walk-in x1]", "P10 by customer 1: []",
                    "P23 by customer 2: [product 230 x1, product 231 x2, product 232 x3]");
        }
    }

    @AllDatabases
    void joinedToManyWithWhereOrderLimitAndOffsetLimitsTheOwners(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            seed(engine);
            try (Session session = Session.open(engine, Shop.options())) {
                Customer second = session.select(Customer.class).where(
                        Shop.REGISTRY.of(Customer.class).table().column("name", String.class).eq("customer 2")).one();
                long before = session.statementCount();
                List<Purchase> page = session.select(Purchase.class).where(CUSTOMER_ID.eq(second.id))
                        .options(Load.joined(Shop_Purchase_.lines)).orderBy(CODE.desc()).limit(2).offset(1).list();
                assertThat(session.statementCount() - before).isEqualTo(1);
                assertThat(page).extracting(p -> p.code).containsExactly("P22", "P21");
                assertThat(page.get(0).lines).extracting(l -> l.product).containsExactly("product 220", "product 221");
                assertThat(page.get(1).lines).hasSize(1);

                Purchase first = session.select(Purchase.class).where(CODE.eq("P13")).options(Load.joined(Shop_Purchase_.lines)).first();
                assertThat(first.lines).as("first() limits purchases, not joined rows").hasSize(3);
                assertThat(session.statementCount() - before).isEqualTo(2);
            }
        }
    }

    @AllDatabases
    void joinedKeepsUnflushedChangesOfObjectsAlreadyInTheSession(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            seed(engine);
            try (Session session = Session.open(engine, SessionOptions.defaults().registry(Shop.REGISTRY).autoflush(false))) {
                Purchase p = session.select(Purchase.class).where(CODE.eq("P12")).options(Load.selectIn(Shop_Purchase_.lines)).one();
                p.lines.remove(0);
                List<Purchase> again = session.select(Purchase.class).where(CODE.eq("P12"))
                        .options(Load.joined(Shop_Purchase_.lines)).list();
                assertThat(again).containsExactly(p);
                assertThat(p.lines).as("the loaded list is not overwritten by the join").hasSize(1);
            }
        }
    }

    @AllDatabases
    void typedOptionsAppearInTheNPlusOneAndRaiseMessages(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            seed(engine);
            try (Session session = Session.open(engine, Shop.options())) {
                List<Purchase> purchases = session.select(Purchase.class).orderBy(CODE.asc()).list();
                purchases.get(0).lines.size();
                purchases.get(1).lines.size();
                assertThatThrownBy(() -> purchases.get(2).lines.size()).isInstanceOf(NPlusOneException.class)
                        .hasMessageContaining("Purchase.lines")
                        .hasMessageContaining(".options(Load.selectIn(Shop_Purchase_.lines))")
                        .hasMessageContaining("Load.selectIn(Purchase.class, \"lines\")");
            }
            try (Session session = Session.open(engine, Shop.options())) {
                Purchase p = session.select(Purchase.class).where(CODE.eq("P11")).options(Load.raise(Shop_Purchase_.customer)).one();
                assertThatThrownBy(() -> p.customer.get()).isInstanceOf(UnloadedRelationshipException.class)
                        .hasMessageContaining("Purchase.customer").hasMessageContaining("Load.selectIn(Shop_Purchase_.customer)");
                Purchase lazy = session.select(Purchase.class).where(CODE.eq("P12")).options(Load.lazy(Shop_Purchase_.customer)).one();
                assertThat(lazy.customer.isLoaded()).isFalse();
                assertThat(lazy.customer.get().name).isEqualTo("customer 1");
            }
        }
    }
}
