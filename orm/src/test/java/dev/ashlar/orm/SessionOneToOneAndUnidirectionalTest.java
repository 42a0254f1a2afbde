package dev.ashlar.orm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.schema.Column;
import dev.ashlar.orm.Shop.Book;
import dev.ashlar.orm.Shop.Customer;
import dev.ashlar.orm.Shop.Profile;
import dev.ashlar.orm.Shop.Shelf;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.util.List;

/** One-to-one from both sides, and a one-to-many without a reference back. */
class SessionOneToOneAndUnidirectionalTest {
    private static final Column<String> CUSTOMER_NAME = Shop.REGISTRY.of(Customer.class).table().column("name", String.class);
    private static final Column<String> SHELF_LABEL = Shop.REGISTRY.of(Shelf.class).table().column("label", String.class);


    @AllDatabases
    void oneToOneCascadesSaveFromTheInverseSideAndLoadsBothWays(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            Shop.createSchema(engine);
            Customer ann = new Customer("Ann");
            try (Session session = Session.open(engine, Shop.options())) {
                ann.profile.set(new Profile("likes tea"));
                session.add(ann);                 // the profile is saved too, with its foreign key
                session.add(new Customer("Bob")); // no profile
                session.commit();
            }
            assertThat(db.queryOne("SELECT customer_id FROM profile WHERE bio = 'likes tea'")).isEqualTo(String.valueOf(ann.id));

            try (Session session = Session.open(engine, Shop.options())) {
                long before = session.statementCount();
                Profile profile = session.select(Profile.class).one();
                assertThat(session.statementCount() - before).as("Profile.customer is joined by default").isEqualTo(1);
                Customer owner = profile.customer.get();
                assertThat(owner.name).isEqualTo("Ann");
                assertThat(owner.profile.get()).as("the other side is set from the same row").isSameAs(profile);
                assertThat(session.statementCount() - before).isEqualTo(1);
            }
            try (Session session = Session.open(engine, Shop.options())) {
                long before = session.statementCount();
                List<Customer> customers = session.select(Customer.class).options(Load.selectIn(Shop_Customer_.profile))
                        .orderBy(CUSTOMER_NAME.asc()).list();
                assertThat(session.statementCount() - before).isEqualTo(2);
                assertThat(customers.get(0).profile.get().bio).isEqualTo("likes tea");
                assertThat(customers.get(0).profile.get().customer.get()).isSameAs(customers.get(0));
                assertThat(customers.get(1).profile.get()).isNull();
                assertThat(session.statementCount() - before).isEqualTo(2);
            }
            try (Session session = Session.open(engine, Shop.options())) {
                long before = session.statementCount();
                List<Customer> customers = session.select(Customer.class).options(Load.joined(Shop_Customer_.profile))
                        .orderBy(CUSTOMER_NAME.asc()).list();
                assertThat(customers).extracting(c -> c.profile.get() == null ? null : c.profile.get().bio)
                        .containsExactly("likes tea", null);
                assertThat(session.statementCount() - before).isEqualTo(1);
            }
            try (Session session = Session.open(engine, Shop.options())) {
                Customer lazy = session.get(Customer.class, ann.id);
                assertThat(lazy.profile.isLoaded()).isFalse();
                assertThat(lazy.profile.get().bio).isEqualTo("likes tea");
            }
        }
    }

    @AllDatabases
    void oneToOneMovesAndCascadesDelete(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            Shop.createSchema(engine);
            try (Session session = Session.open(engine, Shop.options())) {
                Customer ann = new Customer("Ann");
                ann.profile.set(new Profile("first"));
                Customer bob = new Customer("Bob");
                session.addAll(List.of(ann, bob));
                session.commit();

                Profile profile = session.select(Profile.class).one();
                profile.customer.set(bob);        // the owning side moves: its foreign key changes
                session.commit();
                assertThat(db.queryOne("SELECT customer_id FROM profile")).isEqualTo(String.valueOf(bob.id));
                assertThat(bob.profile.get()).isSameAs(profile);

                session.delete(bob);              // Cascade.DELETE on Customer.profile
                session.commit();
            }
            assertThat(db.queryOne("SELECT count(*) FROM profile")).isEqualTo("0");
            assertThat(db.queryOne("SELECT name FROM customer")).isEqualTo("Ann");
        }
    }

    @AllDatabases
    void unidirectionalOneToManyWritesTheChildForeignKey(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            Shop.createSchema(engine);
            Shelf fiction = new Shelf("fiction");
            Shelf poetry = new Shelf("poetry");
            try (Session session = Session.open(engine, Shop.options())) {
                fiction.books.add(new Book("Emma"));
                fiction.books.add(new Book("Ulysses"));
                fiction.books.add(new Book("Odes"));
                session.addAll(List.of(fiction, poetry)); // the books are saved through the collection
                session.commit();
            }
            assertThat(db.queryOne("SELECT count(*) FROM book WHERE shelf_id = " + fiction.id)).isEqualTo("3");

            try (Session session = Session.open(engine, Shop.options())) {
                long before = session.statementCount();
                List<Shelf> shelves = session.select(Shelf.class).options(Load.joined(Shop_Shelf_.books))
                        .orderBy(SHELF_LABEL.asc()).list();
                assertThat(session.statementCount() - before).isEqualTo(1);
                Shelf f = shelves.get(0);
                Shelf p = shelves.get(1);
                assertThat(f.books).extracting(b -> b.title).containsExactly("Emma", "Ulysses", "Odes");
                assertThat(p.books).isEmpty();

                Book odes = f.books.stream().filter(b -> b.title.equals("Odes")).findFirst().orElseThrow();
                f.books.remove(odes);
                p.books.add(odes);              // moved: adopted by the other shelf, not an orphan
                f.books.removeIf(b -> b.title.equals("Ulysses")); // an orphan: deleted
                session.commit();
            }
            assertThat(db.queryOne("SELECT shelf_id FROM book WHERE title = 'Odes'")).isEqualTo(String.valueOf(poetry.id));
            assertThat(db.queryOne("SELECT count(*) FROM book WHERE title = 'Ulysses'")).isEqualTo("0");
            assertThat(db.queryOne("SELECT count(*) FROM book WHERE shelf_id = " + fiction.id)).isEqualTo("1");
        }
    }
}
