package dev.ashlar.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.ReferentialAction;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Insert;
import dev.ashlar.core.types.Types;
import dev.ashlar.declarative.MappingRules;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How classes and records become tables, checked without a database. */
class ModelMappingTest {
    private final ModelRegistry registry = new ModelRegistry(new MetaData());

    @Test
    void mapsTheItemClass() {
        ModelMapping<Item> info = registry.of(Item.class);
        Table t = info.table();
        assertThat(t.name()).isEqualTo("items");
        assertThat(t.modelName()).isEqualTo("Item");
        assertThat(t.columns()).extracting(Column::name).containsExactly("id", "name", "description", "price", "created_at");
        assertThat(t.columns()).extracting(Column::fieldName).containsExactly("id", "name", "description", "price", "createdAt");
        assertThat(t.column("id").type()).isEqualTo(Types.bigInteger());
        assertThat(t.column("name").type()).isEqualTo(Types.string());
        assertThat(t.column("description").type()).isEqualTo(Types.text());
        assertThat(t.column("price").type()).isEqualTo(Types.numeric(10, 2));
        assertThat(t.column("created_at").type()).isEqualTo(Types.dateTime());
        assertThat(t.primaryKey()).extracting(Column::name).containsExactly("id");
        assertThat(t.column("id").isAutoincrement()).isTrue();
        assertThat(t.indexes()).hasSize(1);
        assertThat(t.column("name").isNullable()).isFalse();
        assertThat(t.column("price").isNullable()).isFalse();
        assertThat(t.column("description").isNullable()).isTrue();
        assertThat(t.column("created_at").clientDefault()).isNotNull();
        assertThat(t.column("price").describe()).isEqualTo("Item.price (items.price)");
        assertThat(registry.of(Item.class)).isSameAs(info);
        assertThat(info.column("createdAt")).isSameAs(t.column("created_at"));
        assertThatThrownBy(() -> info.column("created_at")).hasMessageContaining("Item has no mapped field 'created_at'");
    }

    @Test
    void mapsARecordWithEveryKindOfType() {
        Table t = registry.of(Product.class).table();
        assertThat(t.name()).isEqualTo("product");
        assertThat(t.columns()).extracting(Column::name).containsExactly("id", "title", "stock", "rank", "active", "status",
                "ref", "picture", "weight", "ratio", "launched", "opens_at", "checked_at", "cost", "sku_code");
        assertThat(t.columns()).extracting(c -> c.type().javaType().getSimpleName()).containsExactly("Long", "String",
                "Integer", "Short", "Boolean", "Status", "UUID", "byte[]", "Double", "Float", "LocalDate", "LocalTime",
                "OffsetDateTime", "BigDecimal", "String");
        assertThat(t.column("title").type()).isEqualTo(Types.string(80));
        assertThat(t.column("cost").type()).isEqualTo(Types.numeric(12, 4));
        assertThat(t.column("status").type()).isEqualTo(Types.enumOf(Product.Status.class));
        // primitives and nullable = false are NOT NULL; boxed types are not
        assertThat(t.columns()).filteredOn(c -> !c.isNullable()).extracting(Column::name)
                .containsExactly("id", "title", "stock", "active", "sku_code");
        assertThat(t.uniqueConstraints()).singleElement().satisfies(u -> assertThat(u.columns()).extracting(Column::name).containsExactly("title"));
        assertThat(t.indexes()).singleElement().satisfies(i -> assertThat(i.columns()).extracting(Column::name).containsExactly("sku_code"));
    }

    @Test
    void defaultTableNameIsTheSnakeCaseClassName() {
        assertThat(registry.of(OrderLine.class).table().name()).isEqualTo("order_line");
        assertThat(MappingRules.snakeCase("createdAt")).isEqualTo("created_at");
        assertThat(MappingRules.snakeCase("HTTPServer")).isEqualTo("http_server");
        assertThat(MappingRules.snakeCase("line2Total")).isEqualTo("line2_total");
        assertThat(MappingRules.snakeCase("already_snake")).isEqualTo("already_snake");
    }

    @Test
    void referencesBecomeForeignKeysInTheSameMetadata() {
        Table reviews = registry.of(Review.class).table();
        Table items = registry.metadata().get("items");
        assertThat(items).isSameAs(registry.of(Item.class).table());
        assertThat(reviews.foreignKeys()).hasSize(2);
        var toItem = reviews.foreignKeys().get(0);
        assertThat(toItem.columns()).extracting(Column::name).containsExactly("item_id");
        assertThat(toItem.referencedTable()).isSameAs(items);
        assertThat(toItem.onDelete()).isEqualTo(ReferentialAction.CASCADE);
        assertThat(reviews.foreignKeys().get(1).referencedTable()).isSameAs(reviews);
        assertThat(reviews.columns()).extracting(Column::name).containsExactly("id", "item_id", "reply_to_id", "body");
        assertThat(registry.metadata().sortedTables()).extracting(Table::name).containsExactly("items", "review");
    }

    @Test
    void insertLeavesOutANullGeneratedKeyAndNullFields() {
        ModelMapping<Item> info = registry.of(Item.class);
        Insert insert = info.insert(new Item("Widget", new BigDecimal("9.99")));
        assertThat(insert.values().keySet()).extracting(Column::name).containsExactly("name", "price");
        // the unset created_at gets its client default when the statement runs
        assertThat(insert.valuesWithDefaults().keySet()).extracting(Column::name).containsExactly("name", "price", "created_at");

        Review review = Review.of(7L, "fine");
        assertThat(registry.of(Review.class).insert(review).values().keySet()).extracting(Column::name)
                .containsExactly("item_id", "body"); // primitive id 0 means "not set yet"
    }

    @Test
    void sharedModelsUseOneMetadata() {
        assertThat(Models.table(Shared.class).metadata()).isSameAs(Models.metadata());
        assertThat(Models.of(Shared.class).table()).isSameAs(Models.metadata().get("shared"));
        Shared s = new Shared();
        s.code = "A1";
        assertThat(Models.insert(s).values().keySet()).extracting(Column::name).containsExactly("code");
    }

    // ---- mistakes, each reported with class and field ----

    @Test
    void modelWithoutIdFails() {
        assertThatThrownBy(() -> registry.of(NoId.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(NoId.class.getName())
                .hasMessageContaining("NoId has no @Id field");
    }

    @Test
    void unmappableTypeFails() {
        assertThatThrownBy(() -> registry.of(WithList.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("WithList.tags: type List<String> has no column type");
    }

    @Test
    void databaseEnumMapsAStringToTheDatabasesEnumAndNothingElse() {
        assertThat(registry.of(WithMood.class).table().column("mood").type())
                .isEqualTo(dev.ashlar.core.types.Types.databaseEnum("mood", java.util.List.of("happy", "sad")));
        assertThatThrownBy(() -> registry.of(BadMood.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("BadMood.level: @DatabaseEnum applies only to String, not to java.lang.Integer")
                .hasMessageContaining("BadMood.twice: @DatabaseEnum needs at least one value, all different, not [a, a]")
                .hasMessageContaining("BadMood.sized: @DatabaseEnum excludes @Length and @Text");
    }

    @Test
    void bigDecimalWithoutNumericFails() {
        assertThatThrownBy(() -> registry.of(NoPrecision.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("NoPrecision.price: BigDecimal needs @Numeric");
    }

    @Test
    void precisionGivesADateTimeColumnItsFractionalSecondDigits() {
        Table t = registry.of(Stamped.class).table();
        assertThat(t.column("hired").type()).isEqualTo(Types.dateTime(0));
        assertThat(t.column("sent").type()).isEqualTo(Types.dateTimeTz(3));
        assertThat(t.column("opens").type()).isEqualTo(Types.time(0));
        assertThat(t.column("plain").type()).isEqualTo(Types.dateTime());
        // the client clock is cut to the column's digits, so the object holds what the database keeps
        Object created = t.column("created").clientDefault().get();
        assertThat(((java.time.LocalDateTime) created).getNano()).isZero();
    }

    @Test
    void precisionOutOfRangeOrOnAnotherTypeFails() {
        assertThatThrownBy(() -> registry.of(BadPrecision.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("BadPrecision.tooFine: @Precision(9) is out of range: fractional-second digits go from 0 (whole seconds) to 6")
                .hasMessageContaining("BadPrecision.negative: @Precision(-1) is out of range")
                .hasMessageContaining("BadPrecision.price: @Precision applies only to LocalDateTime, OffsetDateTime and LocalTime, not to BigDecimal;"
                        + " a BigDecimal's digits are @Numeric(precision = ..., scale = ...)")
                .hasMessageContaining("BadPrecision.day: @Precision applies only to LocalDateTime, OffsetDateTime and LocalTime, not to LocalDate");
    }

    @Test
    void lengthOnANonStringFails() {
        assertThatThrownBy(() -> registry.of(LengthOnInt.class))
                .hasMessageContaining("LengthOnInt.count: @Length applies only to String; type Integer takes no length");
    }

    @Test
    void textWithLengthFails() {
        assertThatThrownBy(() -> registry.of(TextAndLength.class))
                .hasMessageContaining("TextAndLength.body: @Text and @Length exclude each other");
    }

    @Test
    void duplicateColumnNamesFail() {
        assertThatThrownBy(() -> registry.of(Duplicate.class))
                .hasMessageContaining("Duplicate.createdAt: column name created_at is already used by Duplicate.created");
    }

    @Test
    void classWithoutNoArgConstructorFails() {
        assertThatThrownBy(() -> registry.of(NoConstructor.class))
                .hasMessageContaining("NoConstructor: has no no-argument constructor");
    }

    @Test
    void finalFieldInAClassFails() {
        assertThatThrownBy(() -> registry.of(FinalField.class))
                .hasMessageContaining("FinalField.name: the field is final");
    }

    @Test
    void missingModelAnnotationFails() {
        assertThatThrownBy(() -> registry.of(String.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("String is not annotated @Model");
    }

    @Test
    void everyProblemOfAModelIsReportedAtOnce() {
        assertThatThrownBy(() -> registry.of(ManyMistakes.class))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.modelClass()).isEqualTo(ManyMistakes.class);
                    assertThat(e.problems()).containsExactly(
                            "ManyMistakes.tags: type List<String> has no column type; use one of Integer, Long, Short, "
                                    + "Boolean, String, BigDecimal, Float, Double, LocalDate, LocalTime, LocalDateTime, "
                                    + "OffsetDateTime, byte[], UUID or an enum, or mark the field @Transient",
                            "ManyMistakes.price: BigDecimal needs @Numeric(precision = ..., scale = ...) to say how many "
                                    + "digits the column keeps",
                            "ManyMistakes.code: @Length applies only to String; type Long takes no length",
                            "ManyMistakes.when: @DefaultNow applies only to LocalDateTime, OffsetDateTime and LocalDate, not to String",
                            "ManyMistakes has no @Id field; mark the primary key field(s) with @Id");
                    assertThat(e.getMessage()).startsWith("model " + ManyMistakes.class.getName() + " cannot be mapped (5 problems):");
                });
        // nothing of the failed model reached the metadata
        assertThat(registry.metadata().tables()).isEmpty();
    }

    @Test
    void referenceToAKeyOfAnotherTypeFails() {
        assertThatThrownBy(() -> registry.of(BadReference.class))
                .hasMessageContaining("BadReference.itemId: holds String but references Item's key of type Long");
    }

    @Test
    void cyclicReferencesFailWithTheCycle() {
        assertThatThrownBy(() -> registry.of(CycleA.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("CycleA: @References form a cycle CycleA -> CycleB -> CycleA");
        assertThat(registry.metadata().tables()).isEmpty();
    }

    @Test
    void concurrentFirstUseMapsOnce() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<ModelMapping<Product>>>();
            for (int i = 0; i < 32; i++) {
                futures.add(pool.submit(() -> registry.of(Product.class)));
            }
            ModelMapping<Product> first = futures.get(0).get();
            for (var f : futures) {
                assertThat(f.get()).isSameAs(first);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(registry.metadata().tables()).hasSize(1);
    }

    @Test
    void twoModelsWithOneTableNameFailNamingBoth() {
        registry.of(Item.class);
        assertThatThrownBy(() -> registry.of(SameTable.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("SameTable: table items is already mapped by model Item;");
    }

    @Test
    void fromValuesSetsEveryFieldOfAClassModelRowAfterRow() {
        ModelMapping<Counted> mapping = registry.of(Counted.class);
        assertThat(mapping.fieldNames()).containsExactly("id", "label", "count", "weight", "flag");
        // often enough that the JIT compiles the one handle that fromValues makes per model
        for (int i = 0; i < 5_000; i++) {
            Counted c = mapping.fromValues(new Object[] {(long) i, "n" + i, i * 2, (double) i / 4, i % 2 == 0});
            assertThat(c.id).isEqualTo(i);
            assertThat(c.label).isEqualTo("n" + i);
            assertThat(c.count).isEqualTo(i * 2);
            assertThat(c.weight).isEqualTo((double) i / 4);
            assertThat(c.flag).isEqualTo(i % 2 == 0);
        }
        Counted nulls = mapping.fromValues(new Object[] {7L, null, 1, null, true});
        assertThat(nulls.label).isNull();
        assertThat(nulls.weight).isNull();
        // a null for a primitive field, or a value of the wrong type, names the model and the values
        assertThatThrownBy(() -> mapping.fromValues(new Object[] {8L, "x", null, 1.0, true}))
                .isInstanceOf(dev.ashlar.core.error.AshlarException.class)
                .hasMessageContaining("cannot make a Counted from values [8, x, null, 1.0, true]");
        assertThatThrownBy(() -> mapping.fromValues(new Object[] {9L, 42, 1, 1.0, true}))
                .isInstanceOf(dev.ashlar.core.error.AshlarException.class)
                .hasMessageContaining("cannot make a Counted from values [9, 42, 1, 1.0, true]");
    }

    @Model
    static class Counted {
        @Id long id;
        String label;
        int count;
        Double weight;
        boolean flag;
    }

    @Model
    static class CycleA {
        @Id Long id;
        @References(model = CycleB.class) Long bId;
    }

    @Model
    static class CycleB {
        @Id Long id;
        @References(model = CycleA.class) Long aId;
    }

    @Model
    static class OrderLine {
        @Id Long id;
    }

    @Model
    static class Shared {
        @Id Long id;
        @Required String code;
    }

    @Model
    static class NoId {
        String name;
    }

    @Model
    static class WithList {
        @Id Long id;
        List<String> tags;
    }

    @Model
    static class Stamped {
        @Id Long id;
        @Precision(0) java.time.LocalDateTime hired;
        @Precision(3) java.time.OffsetDateTime sent;
        @Precision(0) java.time.LocalTime opens;
        @Precision(6) java.time.LocalDateTime plain;
        @Precision(0) @DefaultNow java.time.LocalDateTime created;
    }

    @Model
    static class BadPrecision {
        @Id Long id;
        @Precision(9) java.time.LocalDateTime tooFine;
        @Precision(-1) java.time.LocalTime negative;
        @Precision(2) @Numeric(precision = 10, scale = 2) BigDecimal price;
        @Precision(0) java.time.LocalDate day;
    }

    @Model
    static class NoPrecision {
        @Id Long id;
        BigDecimal price;
    }

    @Model
    static class WithMood {
        @Id Long id;
        @DatabaseEnum(name = "mood", values = {"happy", "sad"}) String mood;
    }

    @Model
    static class BadMood {
        @Id Long id;
        @DatabaseEnum(values = "low") Integer level;
        @DatabaseEnum(values = {"a", "a"}) String twice;
        @DatabaseEnum(values = "a") @Length(3) String sized;
    }

    @Model
    static class LengthOnInt {
        @Id Long id;
        @Length(10) Integer count;
    }

    @Model
    static class TextAndLength {
        @Id Long id;
        @Text @Length(10) String body;
    }

    @Model
    static class Duplicate {
        @Id Long id;
        @dev.ashlar.declarative.ColumnOptions(name = "created_at") String created;
        String createdAt;
    }

    @Model
    static class NoConstructor {
        @Id Long id;

        NoConstructor(Long id) {
            this.id = id;
        }
    }

    @Model
    static class FinalField {
        @Id Long id;
        final String name = "fixed";
    }

    @Model
    static class ManyMistakes {
        List<String> tags;
        BigDecimal price;
        @Length(5) Long code;
        @DefaultNow String when;
    }

    @Model
    static class BadReference {
        @Id Long id;
        @References(model = Item.class) String itemId;
    }

    @Model(table = "items")
    record SameTable(@Id Long id) {
    }
}
