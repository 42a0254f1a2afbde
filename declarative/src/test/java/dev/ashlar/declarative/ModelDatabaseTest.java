package dev.ashlar.declarative;

import static dev.ashlar.core.sql.Sql.deleteFrom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.NotNullViolationException;
import dev.ashlar.core.error.UniqueViolationException;
import dev.ashlar.core.reflect.ColumnInfo;
import dev.ashlar.core.reflect.Inspector;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Models written to and read back from each database, checked against what the database holds. */
class ModelDatabaseTest {

    @AllDatabases
    void itemRoundTrip(TestDatabase db) throws Exception {
        ModelRegistry models = new ModelRegistry(new MetaData());
        ModelMapping<Item> items = models.of(Item.class);
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, models.metadata());
            try (Connection conn = engine.connect()) {
                Item widget = new Item("Widget", new BigDecimal("9.99"));
                LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
                Item saved = items.insert(conn, widget);
                assertThat(saved).isSameAs(widget);
                assertThat(widget.id).isPositive();
                assertThat(widget.createdAt).isBetween(before, LocalDateTime.now(ZoneOffset.UTC));

                Item gadget = new Item("Gadget", new BigDecimal("24.50"));
                gadget.description = "shiny";
                gadget.createdAt = LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000);
                conn.execute(items.insert(gadget));

                List<Item> all = conn.query(items.select().orderBy(items.table().column("name").asc())).map(items.mapper());
                assertThat(all).extracting(i -> i.name).containsExactly("Gadget", "Widget");
                Item g = all.get(0);
                assertThat(g.price).isEqualTo(new BigDecimal("24.50")); // equals: same scale, not just same value
                assertThat(g.description).isEqualTo("shiny");
                assertThat(g.createdAt).isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000));
                Item w = all.get(1);
                assertThat(w.id).isEqualTo(widget.id);
                assertThat(w.price).isEqualTo(new BigDecimal("9.99"));
                assertThat(w.description).isNull();
                assertThat(w.createdAt).isEqualTo(widget.createdAt);
                assertThat(g.id).isNotEqualTo(w.id);

                assertThatThrownBy(() -> conn.execute(items.insert(new Item("No price", null))))
                        .isInstanceOf(NotNullViolationException.class);

                Inspector inspector = Inspector.of(conn);
                List<ColumnInfo> columns = inspector.columns("items");
                assertThat(columns).extracting(ColumnInfo::name).containsExactly("id", "name", "description", "price", "created_at");
                Map<String, Boolean> nullable = columns.stream().collect(Collectors.toMap(ColumnInfo::name, ColumnInfo::nullable));
                assertThat(nullable).containsEntry("id", false).containsEntry("name", false).containsEntry("price", false)
                        .containsEntry("description", true).containsEntry("created_at", true);
                assertThat(inspector.primaryKey("items")).containsExactly("id");
                ColumnInfo price = columns.get(3);
                if ("sqlite".equals(conn.dialect().name())) {
                    // SQLite's driver reports no precision for NUMERIC; the table's DDL text keeps it
                    assertThat(price.typeName()).isEqualTo("NUMERIC");
                    String ddl = (String) conn.sql("SELECT sql FROM sqlite_master WHERE name = 'items'", Map.of()).one().get(0);
                    assertThat(ddl).containsPattern("price\"? NUMERIC\\(10, ?2\\) NOT NULL");
                } else {
                    assertThat(price.size()).isEqualTo(10);
                    assertThat(price.scale()).isEqualTo(2);
                }
            }
            // what a plain JDBC connection sees
            try (var jdbc = db.openJdbc(); var st = jdbc.createStatement();
                 ResultSet rs = st.executeQuery("SELECT name, price FROM items ORDER BY name")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Gadget");
                assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("24.50");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Widget");
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @AllDatabases
    void recordRoundTripWithEveryType(TestDatabase db) {
        ModelRegistry models = new ModelRegistry(new MetaData());
        ModelMapping<Product> products = models.of(Product.class);
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, models.metadata());
            try (Connection conn = engine.connect()) {
                UUID ref = UUID.randomUUID();
                OffsetDateTime checked = OffsetDateTime.of(2025, 1, 2, 3, 4, 5, 678_901_000, ZoneOffset.UTC);
                Product lamp = new Product(null, "Lamp ☃ \"quoted\"", 3, (short) 2, true, Product.Status.LIVE, ref,
                        new byte[] {0, 1, (byte) 0xff}, 1.25, 0.5f, LocalDate.of(1999, 12, 31), LocalTime.of(8, 30, 15),
                        checked, new BigDecimal("12345678.1234"), "SKU-1", "not stored");
                Product saved = products.insert(conn, lamp);
                assertThat(saved).isNotSameAs(lamp);
                assertThat(saved.id()).isPositive();
                assertThat(saved.note()).isEqualTo("not stored"); // the copy keeps unmapped components
                assertThat(lamp.id()).isNull();

                Product plain = products.insert(conn, new Product(null, "Plain", 0, null, false, null, null, null, null,
                        null, null, null, null, null, "SKU-2", null));

                List<Product> read = conn.query(products.select().orderBy(products.table().column("id").asc())).map(products.mapper());
                assertThat(read).hasSize(2);
                Product p = read.get(0);
                assertThat(p.id()).isEqualTo(saved.id());
                assertThat(p.title()).isEqualTo("Lamp ☃ \"quoted\"");
                assertThat(p.stock()).isEqualTo(3);
                assertThat(p.rank()).isEqualTo((short) 2);
                assertThat(p.active()).isTrue();
                assertThat(p.status()).isEqualTo(Product.Status.LIVE);
                assertThat(p.ref()).isEqualTo(ref);
                assertThat(p.picture()).containsExactly(0, 1, 0xff);
                assertThat(p.weight()).isEqualTo(1.25);
                assertThat(p.ratio()).isEqualTo(0.5f);
                assertThat(p.launched()).isEqualTo(LocalDate.of(1999, 12, 31));
                assertThat(p.opensAt()).isEqualTo(LocalTime.of(8, 30, 15));
                assertThat(p.checkedAt()).isEqualTo(checked);
                assertThat(p.cost()).isEqualTo(new BigDecimal("12345678.1234"));
                assertThat(p.sku()).isEqualTo("SKU-1");
                assertThat(p.note()).isNull();
                Product q = read.get(1);
                assertThat(q.id()).isEqualTo(plain.id());
                assertThat(q.rank()).isNull();
                assertThat(q.status()).isNull();
                assertThat(q.active()).isFalse();

                assertThatThrownBy(() -> conn.execute(products.insert(new Product(null, "Plain", 1, null, false, null, null,
                        null, null, null, null, null, null, null, "SKU-3", null))))
                        .isInstanceOf(UniqueViolationException.class);
            }
        }
    }

    @AllDatabases
    void foreignKeyBetweenModelsCascades(TestDatabase db) {
        ModelRegistry models = new ModelRegistry(new MetaData());
        ModelMapping<Item> items = models.of(Item.class);
        ModelMapping<Review> reviews = models.of(Review.class);
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, models.metadata());
            try (Connection conn = engine.connect()) {
                if ("sqlite".equals(conn.dialect().name())) {
                    conn.executeSql("PRAGMA foreign_keys = ON");
                }
                Item item = items.insert(conn, new Item("Widget", BigDecimal.ONE));
                Review review = reviews.insert(conn, Review.of(item.id, "good"));
                assertThat(review.id()).isPositive();
                assertThat(conn.query(reviews.select()).map(reviews.mapper()))
                        .singleElement().satisfies(r -> {
                            assertThat(r.itemId()).isEqualTo(item.id);
                            assertThat(r.body()).isEqualTo("good");
                        });
                conn.execute(deleteFrom(items.table()));
                assertThat(conn.query(reviews.select()).list()).isEmpty();
            }
        }
    }
}
