package dev.ashlar.orm;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.declarative.Cascade;
import dev.ashlar.declarative.DefaultNow;
import dev.ashlar.declarative.Fetch;
import dev.ashlar.declarative.Id;
import dev.ashlar.declarative.Length;
import dev.ashlar.declarative.ManyToOne;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.ModelRegistry;
import dev.ashlar.declarative.OneToMany;
import dev.ashlar.declarative.OneToOne;
import dev.ashlar.declarative.References;
import dev.ashlar.declarative.Required;
import dev.ashlar.declarative.DatabaseDefault;
import dev.ashlar.declarative.Unique;
import dev.ashlar.declarative.UpdatedNow;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A second test domain for what the inventory lacks: customers with a one-to-one profile, purchases
 * referencing their customer with lines, a unidirectional one-to-many (shelves and books), and
 * columns filled by the database or on update.
 */
final class Shop {
    static final ModelRegistry REGISTRY = new ModelRegistry(new MetaData());

    static {
        for (Class<?> c : List.of(Customer.class, Profile.class, Purchase.class, PurchaseLine.class, Shelf.class, Book.class,
                Counter.class)) {
            REGISTRY.of(c);
        }
    }

    private Shop() {
    }

    static SessionOptions options() {
        return SessionOptions.strict().registry(REGISTRY);
    }

    static void createSchema(Engine engine) {
        SchemaDdl.createAll(engine, REGISTRY.metadata());
    }

    @Model(table = "customer")
    static class Customer {
        @Id Long id;
        @Required @Length(40) String name;
        @OneToOne(mappedBy = "customer", cascade = {Cascade.SAVE, Cascade.DELETE}) Ref<Profile> profile = new Ref<>();
        @OneToMany(mappedBy = "customer") List<Purchase> purchases = new ArrayList<>();

        Customer() {
        }

        Customer(String name) {
            this.name = name;
        }
    }

    /** The owning side of a one-to-one: holds the (unique) foreign key, joined by default. */
    @Model(table = "profile")
    static class Profile {
        @Id Long id;
        @Required @Unique @References(model = Customer.class) Long customerId;
        @Length(80) String bio;
        @OneToOne(fetch = Fetch.JOINED) Ref<Customer> customer = new Ref<>();

        Profile() {
        }

        Profile(String bio) {
            this.bio = bio;
        }
    }

    @Model(table = "purchase")
    static class Purchase {
        @Id Long id;
        @Required @Length(20) String code;
        @References(model = Customer.class) Long customerId;
        @ManyToOne Ref<Customer> customer = new Ref<>();
        @OneToMany(mappedBy = "purchase", cascade = {Cascade.SAVE, Cascade.DELETE, Cascade.DELETE_ORPHAN})
        List<PurchaseLine> lines = new ArrayList<>();

        Purchase() {
        }

        Purchase(String code) {
            this.code = code;
        }

        PurchaseLine add(String product, int quantity) {
            PurchaseLine line = new PurchaseLine();
            line.product = product;
            line.quantity = quantity;
            lines.add(line);
            return line;
        }
    }

    @Model(table = "purchase_line")
    static class PurchaseLine {
        @Id Long id;
        @Required @References(model = Purchase.class) Long purchaseId;
        @Required @Length(20) String product;
        int quantity;
        @ManyToOne Ref<Purchase> purchase = new Ref<>();
    }

    /** A one-to-many without a reference back: books know only their shelf's key. */
    @Model(table = "shelf")
    static class Shelf {
        @Id Long id;
        @Required @Length(20) String label;
        @OneToMany(cascade = {Cascade.SAVE, Cascade.DELETE_ORPHAN}) List<Book> books = new ArrayList<>();

        Shelf() {
        }

        Shelf(String label) {
            this.label = label;
        }
    }

    @Model(table = "book")
    static class Book {
        @Id Long id;
        @Required @Length(40) String title;
        @References(model = Shelf.class) Long shelfId;

        Book() {
        }

        Book(String title) {
            this.title = title;
        }
    }

    /** Columns the database fills (a server default) and the session refreshes on update. */
    @Model(table = "counter")
    static class Counter {
        @Id Long id;
        @Required @Length(20) String name;
        @DatabaseDefault("7") Integer start;
        @DatabaseDefault("fresh") @Length(10) String state;
        @DefaultNow @UpdatedNow LocalDateTime touchedAt;

        Counter() {
        }

        Counter(String name) {
            this.name = name;
        }
    }
}
