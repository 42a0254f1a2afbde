package dev.ashlar.orm;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.declarative.Cascade;
import dev.ashlar.declarative.DefaultNow;
import dev.ashlar.declarative.Fetch;
import dev.ashlar.declarative.Id;
import dev.ashlar.declarative.Length;
import dev.ashlar.declarative.ManyToMany;
import dev.ashlar.declarative.ManyToOne;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.ModelRegistry;
import dev.ashlar.declarative.Numeric;
import dev.ashlar.declarative.OneToMany;
import dev.ashlar.declarative.References;
import dev.ashlar.declarative.Required;
import dev.ashlar.declarative.Version;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** The inventory domain the session tests use: suppliers, a category tree, items, orders and their lines. */
final class Inventory {
    static final ModelRegistry REGISTRY = new ModelRegistry(new MetaData());

    static {
        for (Class<?> c : List.of(Supplier.class, Category.class, Item.class, Tag.class, ItemTag.class, Order.class, OrderLine.class,
                Stock.class, Note.class)) {
            REGISTRY.of(c);
        }
    }

    static final Column<BigDecimal> ITEM_PRICE = REGISTRY.of(Item.class).table().column("price", BigDecimal.class);
    static final Column<String> ITEM_NAME = REGISTRY.of(Item.class).table().column("name", String.class);
    static final Column<String> ORDER_CUSTOMER = REGISTRY.of(Order.class).table().column("customer", String.class);

    private Inventory() {
    }

    static SessionOptions options() {
        return SessionOptions.defaults().registry(REGISTRY);
    }

    static void createSchema(Engine engine) {
        SchemaDdl.createAll(engine, REGISTRY.metadata());
    }

    enum Status { ACTIVE, DISCONTINUED }

    @Model(table = "supplier")
    static class Supplier {
        @Id Long id;
        @Required @Length(40) String name;
        @OneToMany(mappedBy = "supplier") List<Item> items = new ArrayList<>();

        Supplier() {
        }

        Supplier(String name) {
            this.name = name;
        }
    }

    @Model(table = "category")
    static class Category {
        @Id Long id;
        @Required @Length(40) String name;
        @References(model = Category.class) Long parentId;
        @ManyToOne Ref<Category> parent = new Ref<>();
        @OneToMany(mappedBy = "parent", cascade = {Cascade.SAVE, Cascade.DELETE}) List<Category> children = new ArrayList<>();

        Category() {
        }

        Category(String name) {
            this.name = name;
        }

        Category child(String name) {
            Category c = new Category(name);
            children.add(c);
            return c;
        }
    }

    @Model(table = "item")
    static class Item implements Lifecycle, Validating {
        @Id Long id;
        @Required @Length(40) String name;
        @Required @Numeric(precision = 10, scale = 2) BigDecimal price;
        Status status = Status.ACTIVE;
        @References(model = Supplier.class) Long supplierId;
        @References(model = Category.class) Long categoryId;
        @Version long version;
        @ManyToOne Ref<Supplier> supplier = new Ref<>();
        @ManyToOne(fetch = Fetch.RAISE) Ref<Category> category = new Ref<>();
        @ManyToMany(through = ItemTag.class) List<Tag> tags = new ArrayList<>();
        transient List<String> events = new ArrayList<>();

        Item() {
        }

        Item(String name, String price) {
            this.name = name;
            this.price = new BigDecimal(price);
        }

        @Override
        public void validate(Violations violations) {
            if (price != null && price.signum() < 0) {
                violations.add("price", price, "must not be negative");
            }
        }

        @Override
        public void beforeInsert() {
            events.add("beforeInsert");
        }

        @Override
        public void afterInsert() {
            events.add("afterInsert id=" + id);
        }

        @Override
        public void beforeUpdate() {
            events.add("beforeUpdate");
        }

        @Override
        public void afterUpdate() {
            events.add("afterUpdate version=" + version);
        }

        @Override
        public void beforeDelete() {
            events.add("beforeDelete");
        }

        @Override
        public void afterDelete() {
            events.add("afterDelete");
        }

        @Override
        public void afterLoad() {
            events.add("afterLoad");
        }
    }

    @Model(table = "tag")
    static class Tag {
        @Id Long id;
        @Required @Length(20) String label;

        Tag() {
        }

        Tag(String label) {
            this.label = label;
        }
    }

    /** The association table of Item.tags. */
    @Model(table = "item_tag")
    static class ItemTag {
        @Id @References(model = Item.class) Long itemId;
        @Id @References(model = Tag.class) Long tagId;
    }

    @Model(table = "orders")
    static class Order {
        @Id Long id;
        @Required @Length(40) String customer;
        @DefaultNow LocalDateTime placedAt;
        @OneToMany(mappedBy = "order", cascade = {Cascade.SAVE, Cascade.DELETE, Cascade.DELETE_ORPHAN})
        List<OrderLine> lines = new ArrayList<>();

        Order() {
        }

        Order(String customer) {
            this.customer = customer;
        }

        OrderLine add(Item item, int quantity) {
            OrderLine line = new OrderLine();
            line.item.set(item);
            line.quantity = quantity;
            lines.add(line);
            return line;
        }
    }

    /** An association object: an order's item with a quantity. */
    @Model(table = "order_line")
    static class OrderLine {
        @Id Long id;
        @Required @References(model = Order.class) Long orderId;
        @Required @References(model = Item.class) Long itemId;
        int quantity;
        @ManyToOne Ref<Order> order = new Ref<>();
        @ManyToOne Ref<Item> item = new Ref<>();
    }

    /** Stock per warehouse and item: a composite primary key. */
    @Model(table = "stock")
    static class Stock {
        @Id @Length(10) String warehouse;
        @Id @References(model = Item.class) Long itemId;
        int quantity;
    }

    /** An immutable model. */
    @Model(table = "note")
    record Note(@Id Long id, @Required @Length(30) String text, @Version Integer version) {
    }
}
