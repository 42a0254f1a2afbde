package dev.ashlar.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.error.AshlarException;
import dev.ashlar.declarative.ModelMapping;
import dev.ashlar.declarative.ModelRegistry;
import dev.ashlar.declarative.Relation;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor run by a real javac on model sources, and what the generated metamodel lets compile. */
class MetamodelProcessorTest {
    private static final String ITEM = """
            package shop;

            import dev.ashlar.declarative.*;
            import java.math.BigDecimal;
            import java.time.LocalDateTime;

            @Model(table = "items")
            public class Item {
                @Id @Indexed public Long id;
                @Required public String name;
                @Text public String description;
                @Numeric(precision = 10, scale = 2) @Required public BigDecimal price;
                @DefaultNow public LocalDateTime createdAt;
            }
            """;

    private static final String ORDER = """
            package shop;

            import dev.ashlar.declarative.*;

            @Model
            public record OrderLine(@Id long id, @References(model = Item.class) Long itemId, int quantity,
                                    Status status, byte[] receipt, @ColumnOptions(name = "memo_text") String memo,
                                    @Transient String scratch) {
                public enum Status { OPEN, SHIPPED }
            }
            """;

    private static String use(String body) {
        return """
                package shop;

                import dev.ashlar.core.sql.Condition;
                import java.math.BigDecimal;

                class Use {
                    static Condition condition() {
                        return %s;
                    }
                }
                """.formatted(body);
    }

    private static Map<String, String> sources(String... pathAndText) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pathAndText.length; i += 2) {
            map.put(pathAndText[i], pathAndText[i + 1]);
        }
        return map;
    }

    @Test
    void generatesTypedConstantsFoundThroughServiceDiscovery(@TempDir Path dir) throws Exception {
        // no processor handed to javac: it must be discovered from the classpath, as with a provided dependency
        Compilation c = Compilation.compile(dir, Compilation.Processing.DISCOVERED, sources(
                "shop/Item.java", ITEM,
                "shop/OrderLine.java", ORDER,
                "shop/Use.java", use("Item_.price.lt(new BigDecimal(\"10\")).and(Item_.name.eq(\"Widget\"))"
                        + ".and(OrderLine_.status.eq(OrderLine.Status.OPEN)).and(OrderLine_.itemId.eq(Item_.id))")));
        assertThat(c.success).as(c.toString()).isTrue();
        assertThat(c.errors()).isEmpty();
        String source = Files.readString(c.generated.resolve("shop/Item_.java"));
        assertThat(source).contains("public final class Item_")
                .contains("public static final Column<BigDecimal> price = TABLE.column(\"price\", BigDecimal.class);")
                .contains("public static final Column<LocalDateTime> createdAt = TABLE.column(\"created_at\", LocalDateTime.class);");

        try (URLClassLoader loader = c.loader()) {
            Class<?> itemMeta = loader.loadClass("shop.Item_");
            assertThat(Arrays.stream(itemMeta.getDeclaredFields()).map(Field::getName))
                    .containsExactly("MODEL", "TABLE", "id", "name", "description", "price", "createdAt");
            assertThat(itemMeta.getField("price").getGenericType().getTypeName())
                    .isEqualTo("dev.ashlar.core.schema.Column<java.math.BigDecimal>");
            assertThat(itemMeta.getField("id").getGenericType().getTypeName()).isEqualTo("dev.ashlar.core.schema.Column<java.lang.Long>");
            assertThat(Modifier.isFinal(itemMeta.getField("price").getModifiers())).isTrue();
            Table table = (Table) itemMeta.getField("TABLE").get(null);
            assertThat(table.name()).isEqualTo("items");
            Column<?> price = (Column<?>) itemMeta.getField("price").get(null);
            assertThat(price).isSameAs(table.column("price"));
            assertThat(price.isNullable()).isFalse();

            Class<?> orderMeta = loader.loadClass("shop.OrderLine_");
            assertThat(Arrays.stream(orderMeta.getDeclaredFields()).map(Field::getName))
                    .containsExactly("MODEL", "TABLE", "id", "itemId", "quantity", "status", "receipt", "memo");
            assertThat(orderMeta.getField("id").getGenericType().getTypeName()).isEqualTo("dev.ashlar.core.schema.Column<java.lang.Long>");
            assertThat(orderMeta.getField("quantity").getGenericType().getTypeName()).isEqualTo("dev.ashlar.core.schema.Column<java.lang.Integer>");
            assertThat(orderMeta.getField("status").getGenericType().getTypeName()).isEqualTo("dev.ashlar.core.schema.Column<shop.OrderLine$Status>");
            assertThat(orderMeta.getField("receipt").getGenericType().getTypeName()).isEqualTo("dev.ashlar.core.schema.Column<byte[]>");
            assertThat(((Column<?>) orderMeta.getField("memo").get(null)).name()).isEqualTo("memo_text");
            assertThat(((Table) orderMeta.getField("TABLE").get(null)).foreignKeys()).singleElement()
                    .satisfies(fk -> assertThat(fk.referencedTable()).isSameAs(table));

            // the condition built through the metamodel refers to the model's columns
            Method condition = loader.loadClass("shop.Use").getDeclaredMethod("condition");
            condition.setAccessible(true);
            assertThat(condition.invoke(null)).isNotNull();
        }
    }

    @Test
    void generatesAFactoryThatTheModelReaderUsesForClassesAndRecords(@TempDir Path dir) throws Exception {
        Compilation c = Compilation.compile(dir, Compilation.Processing.EXPLICIT, sources("shop/Item.java", ITEM, "shop/OrderLine.java", ORDER));
        assertThat(c.success).as(c.toString()).isTrue();
        assertThat(Files.readString(c.generated.resolve("shop/Item_.java")))
                .contains("static final class Factory implements ModelFactory<Item>")
                .contains("Item model = new Item();")
                .contains("model.price = (BigDecimal) values[3];")
                .contains("return List.of(Long.class, String.class, String.class, BigDecimal.class, LocalDateTime.class);");
        // the record's @Transient component gets its type's default
        assertThat(Files.readString(c.generated.resolve("shop/OrderLine_.java")))
                .contains("return new OrderLine((Long) values[0], (Long) values[1], (Integer) values[2], (OrderLine.Status) values[3], "
                        + "(byte[]) values[4], (String) values[5], null);")
                .contains("return List.of(long.class, Long.class, int.class, OrderLine.Status.class, byte[].class, String.class);");
        try (URLClassLoader loader = c.loader()) {
            ModelRegistry registry = new ModelRegistry(new MetaData());
            ModelMapping<?> items = registry.of(loader.loadClass("shop.Item"));
            assertThat(items.usesGeneratedFactory()).isTrue();
            Object item = items.fromValues(new Object[] {5L, "Widget", null, new BigDecimal("9.99"), LocalDateTime.of(2026, 12, 2, 12, 0)});
            assertThat(items.fieldNames().stream().map(f -> items.get(item, items.field(f))))
                    .containsExactly(5L, "Widget", null, new BigDecimal("9.99"), LocalDateTime.of(2026, 12, 2, 12, 0));
            // a value of the wrong type still names the model and the values (the method handles report it)
            assertThatThrownBy(() -> items.fromValues(new Object[] {6L, 42, null, BigDecimal.ONE, null}))
                    .isInstanceOf(AshlarException.class)
                    .hasMessageContaining("cannot make a Item from values [6, 42, null, 1, null]");

            ModelMapping<?> lines = registry.of(loader.loadClass("shop.OrderLine"));
            assertThat(lines.usesGeneratedFactory()).isTrue();
            Object open = loader.loadClass("shop.OrderLine$Status").getEnumConstants()[0];
            Object line = lines.fromValues(new Object[] {1L, 5L, 3, open, new byte[] {1}, "memo"});
            assertThat(line.toString()).startsWith("OrderLine[id=1, itemId=5, quantity=3, status=OPEN, receipt=[B")
                    .endsWith(", memo=memo, scratch=null]");
            assertThatThrownBy(() -> lines.fromValues(new Object[] {2L, 5L, null, open, null, null}))
                    .as("a null for the primitive quantity")
                    .isInstanceOf(AshlarException.class)
                    .hasMessageContaining("cannot make a OrderLine from values [2, 5, null, OPEN, null, null]");
        }
    }

    @Test
    void noFactoryWhereGeneratedCodeCannotReachTheModelAndHandlesMakeItInstead(@TempDir Path dir) throws Exception {
        Compilation c = Compilation.compile(dir, Compilation.Processing.EXPLICIT, sources(
                "shop/Sealed.java", """
                        package shop;

                        import dev.ashlar.declarative.*;

                        @Model
                        public class Sealed {
                            @Id private Long id;
                            private String name;
                            private Sealed() {
                            }
                        }
                        """,
                "shop/Factory.java", """
                        package shop;

                        import dev.ashlar.declarative.*;

                        /** A model whose name is the generated class's: javac must still tell them apart. */
                        @Model
                        public class Factory {
                            @Id public Long id;
                            public String Factory;
                        }
                        """));
        assertThat(c.success).as(c.toString()).isTrue();
        assertThat(Files.readString(c.generated.resolve("shop/Sealed_.java"))).doesNotContain("class Factory");
        try (URLClassLoader loader = c.loader()) {
            ModelRegistry registry = new ModelRegistry(new MetaData());
            ModelMapping<?> sealed = registry.of(loader.loadClass("shop.Sealed"));
            assertThat(sealed.usesGeneratedFactory()).isFalse();
            Object s = sealed.fromValues(new Object[] {1L, "x"});
            assertThat(sealed.get(s, sealed.field("name"))).isEqualTo("x");
            ModelMapping<?> factories = registry.of(loader.loadClass("shop.Factory"));
            assertThat(factories.usesGeneratedFactory()).isTrue();
            Object f = factories.fromValues(new Object[] {2L, "y"});
            assertThat(factories.get(f, factories.field("Factory"))).isEqualTo("y");
        }
    }

    @Test
    void aFactoryGeneratedBeforeTheModelChangedIsNotUsed(@TempDir Path dir) throws Exception {
        String before = """
                package shop;

                import dev.ashlar.declarative.*;

                @Model
                public class Part {
                    @Id public Long id;
                    public String name;
                    public String code;
                }
                """;
        Compilation old = Compilation.compile(dir.resolve("old"), Compilation.Processing.EXPLICIT, sources("shop/Part.java", before));
        Compilation now = Compilation.compile(dir.resolve("now"), Compilation.Processing.EXPLICIT, sources("shop/Part.java",
                before.replace("public String name;\n    public String code;", "public String code;\n    public String name;")));
        assertThat(old.success && now.success).as(old + " " + now).isTrue();
        // a build that recompiled the model but kept the old generated factory
        Files.copy(old.classes.resolve("shop/Part_$Factory.class"), now.classes.resolve("shop/Part_$Factory.class"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (URLClassLoader loader = now.loader()) {
            ModelMapping<?> parts = new ModelRegistry(new MetaData()).of(loader.loadClass("shop.Part"));
            assertThat(parts.fieldNames()).containsExactly("id", "code", "name");
            assertThat(parts.usesGeneratedFactory()).isFalse();
            Object p = parts.fromValues(new Object[] {1L, "C-1", "bolt"});
            assertThat(parts.get(p, parts.field("code"))).isEqualTo("C-1");
            assertThat(parts.get(p, parts.field("name"))).isEqualTo("bolt");
        }
        // the same fields in the same order, one of another type: the old stores would not link
        Compilation retyped = Compilation.compile(dir.resolve("retyped"), Compilation.Processing.EXPLICIT, sources("shop/Part.java",
                before.replace("public String code;", "public Integer code;")));
        assertThat(retyped.success).as(retyped.toString()).isTrue();
        Files.copy(old.classes.resolve("shop/Part_$Factory.class"), retyped.classes.resolve("shop/Part_$Factory.class"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (URLClassLoader loader = retyped.loader()) {
            ModelMapping<?> parts = new ModelRegistry(new MetaData()).of(loader.loadClass("shop.Part"));
            assertThat(parts.usesGeneratedFactory()).isFalse();
            Object p = parts.fromValues(new Object[] {1L, "bolt", 7});
            assertThat(parts.get(p, parts.field("code"))).isEqualTo(7);
        }
    }

    @Test
    void aFactoryFromAnEarlierProcessorIsNotUsed(@TempDir Path dir) throws Exception {
        // classes compiled against an earlier ModelFactory, which had no fieldTypes(): a runtime upgraded
        // without recompiling the models must read them through the handles, not fail
        Compilation c = Compilation.compile(dir, Compilation.Processing.NONE, sources(
                "dev/ashlar/declarative/ModelFactory.java", """
                        package dev.ashlar.declarative;

                        public interface ModelFactory<T> {
                            java.util.List<String> fieldNames();
                            T fromValues(Object[] values);
                        }
                        """,
                "shop/Part.java", """
                        package shop;

                        import dev.ashlar.declarative.*;

                        @Model
                        public class Part {
                            @Id public Long id;
                            public String name;
                        }
                        """,
                "shop/Part_.java", """
                        package shop;

                        final class Part_ {
                            static final class Factory implements dev.ashlar.declarative.ModelFactory<Part> {
                                public java.util.List<String> fieldNames() {
                                    return java.util.List.of("id", "name");
                                }

                                public Part fromValues(Object[] values) {
                                    Part model = new Part();
                                    model.id = (Long) values[0];
                                    model.name = (String) values[1];
                                    return model;
                                }
                            }
                        }
                        """));
        assertThat(c.success).as(c.toString()).isTrue();
        try (URLClassLoader loader = c.loader()) {
            // the loader asks its parent first: the current ModelFactory, which the old factory does not fully implement
            ModelMapping<?> parts = new ModelRegistry(new MetaData()).of(loader.loadClass("shop.Part"));
            assertThat(parts.usesGeneratedFactory()).isFalse();
            Object p = parts.fromValues(new Object[] {1L, "bolt"});
            assertThat(parts.get(p, parts.field("name"))).isEqualTo("bolt");
        }
    }

    @Test
    void aValueOfTheWrongTypeDoesNotCompile(@TempDir Path dir) {
        Compilation c = Compilation.compile(dir, Compilation.Processing.EXPLICIT, sources(
                "shop/Item.java", ITEM,
                "shop/Use.java", use("Item_.price.lt(\"10\")")));
        assertThat(c.success).isFalse();
        assertThat(c.errors()).singleElement().asString()
                .startsWith("Use.java:8: ")
                .contains("lt")
                .contains("java.lang.String");
    }

    @Test
    void aMisspeltColumnDoesNotCompile(@TempDir Path dir) {
        Compilation c = Compilation.compile(dir, Compilation.Processing.EXPLICIT, sources(
                "shop/Item.java", ITEM,
                "shop/Use.java", use("Item_.nmae.eq(\"Widget\")")));
        assertThat(c.success).isFalse();
        assertThat(c.errors()).singleElement().asString()
                .startsWith("Use.java:8: ")
                .contains("cannot find symbol")
                .contains("nmae");
    }

    @Test
    void modelMistakesAreCompileErrorsNamingClassAndField(@TempDir Path dir) {
        Compilation c = Compilation.compile(dir, Compilation.Processing.EXPLICIT, sources("shop/Bad.java", """
                package shop;

                import dev.ashlar.declarative.*;
                import java.math.BigDecimal;
                import java.util.List;

                @Model
                public class Bad {
                    public List<String> tags;
                    public BigDecimal price;
                    @Length(20) public Integer count;
                    @Text @Length(20) public String body;
                    @ColumnOptions(name = "count") public String total;
                }
                """));
        assertThat(c.success).isFalse();
        assertThat(c.errors()).containsExactly(
                "Bad.java:9: Bad.tags: type List<String> has no column type; use one of Integer, Long, Short, Boolean, "
                        + "String, BigDecimal, Float, Double, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, byte[], "
                        + "UUID or an enum, or mark the field @Transient",
                "Bad.java:10: Bad.price: BigDecimal needs @Numeric(precision = ..., scale = ...) to say how many digits the column keeps",
                "Bad.java:11: Bad.count: @Length applies only to String; type Integer takes no length",
                "Bad.java:12: Bad.body: @Text and @Length exclude each other: a text column has no length",
                "Bad.java:8: Bad has no @Id field; mark the primary key field(s) with @Id");
        assertThat(c.generated.resolve("shop/Bad_.java")).doesNotExist();
    }

    @Test
    void precisionMistakesAreCompileErrors(@TempDir Path dir) {
        Compilation c = Compilation.compile(dir, Compilation.Processing.EXPLICIT, sources("shop/Stamps.java", """
                package shop;

                import dev.ashlar.declarative.*;
                import java.time.LocalDateTime;

                @Model
                public class Stamps {
                    @Id public Long id;
                    @Precision(0) public LocalDateTime hired;
                    @Precision(7) public LocalDateTime tooFine;
                    @Precision(0) public String name;
                }
                """));
        assertThat(c.success).isFalse();
        assertThat(c.errors()).containsExactly(
                "Stamps.java:10: Stamps.tooFine: @Precision(7) is out of range: fractional-second digits go from 0 (whole seconds) to 6 (microseconds)",
                "Stamps.java:11: Stamps.name: @Precision applies only to LocalDateTime, OffsetDateTime and LocalTime, not to String");
    }

    @Test
    void duplicateColumnNamesAreCompileErrors(@TempDir Path dir) {
        Compilation c = Compilation.compile(dir, Compilation.Processing.EXPLICIT, sources("shop/Twice.java", """
                package shop;

                import dev.ashlar.declarative.*;

                @Model
                public record Twice(@Id Long id, String createdAt, @ColumnOptions(name = "created_at") String created) {
                }
                """));
        assertThat(c.success).isFalse();
        assertThat(c.errors()).singleElement().asString()
                .contains("Twice.created: column name created_at is already used by Twice.createdAt");
    }

    @Test
    void renamedFromMistakesAreCompileErrors(@TempDir Path dir) {
        Compilation c = Compilation.compile(dir, Compilation.Processing.EXPLICIT, sources("shop/Item.java", """
                package shop;

                import dev.ashlar.declarative.*;

                @Model
                @RenamedFrom("item")
                public record Item(@Id Long id, @RenamedFrom("name") String name, @RenamedFrom("title") String details,
                                   @RenamedFrom("title") String summary, @RenamedFrom("details") String notes) {
                }
                """, "shop/Other.java", """
                package shop;

                import dev.ashlar.declarative.*;

                @Model
                @RenamedFrom("old_things")
                public record Other(@Id Long id) {
                }
                """, "shop/Third.java", """
                package shop;

                import dev.ashlar.declarative.*;

                @Model
                @RenamedFrom("other")
                public record Third(@Id Long id) {
                }
                """));
        assertThat(c.success).isFalse();
        assertThat(c.errors()).anySatisfy(e -> assertThat(e).contains("Item.name: @RenamedFrom(\"name\") names the field's current column"))
                .anySatisfy(e -> assertThat(e).contains("Item.summary: @RenamedFrom(\"title\") claims the same old column as Item.details"))
                .anySatisfy(e -> assertThat(e).contains("Item.notes: @RenamedFrom(\"details\") names column details, which Item.details still maps"))
                .anySatisfy(e -> assertThat(e).contains("Item: @RenamedFrom(\"item\") names the model's current table"))
                .anySatisfy(e -> assertThat(e).contains("shop.Third: @RenamedFrom(\"other\") names table other, which model shop.Other still maps"))
                .hasSize(5);
    }

    @Test
    void aSoundRenamedFromCompiles(@TempDir Path dir) {
        Compilation c = Compilation.compile(dir, Compilation.Processing.EXPLICIT, sources("shop/Item.java", """
                package shop;

                import dev.ashlar.declarative.*;

                @Model
                @RenamedFrom("products")
                public record Item(@Id Long id, @RenamedFrom("description") String details) {
                }
                """));
        assertThat(c.success).as(c.toString()).isTrue();
    }

    @Test
    void listsEveryModelOfTheCompilationSoThatDiscoveryMapsThemAll(@TempDir Path dir) throws Exception {
        Compilation c = Compilation.compile(dir, Compilation.Processing.DISCOVERED, sources(
                "shop/Item.java", ITEM,
                "shop/OrderLine.java", ORDER,
                "shop/Shelf.java", """
                        package shop;

                        import dev.ashlar.declarative.*;

                        public class Shelf {
                            @Model(table = "bins")
                            public static class Bin {
                                @Id public Long id;
                            }
                        }
                        """));
        assertThat(c.success).as(c.errors().toString()).isTrue();
        assertThat(Files.readAllLines(c.classes.resolve(ModelRegistry.MODEL_INDEX)))
                .containsExactly("shop.Item", "shop.OrderLine", "shop.Shelf$Bin");
        try (URLClassLoader loader = c.loader()) {
            MetaData all = new ModelRegistry(new MetaData()).discover(loader);
            assertThat(all.tables()).extracting(Table::name).containsExactlyInAnyOrder("items", "order_line", "bins");
        }
    }

    @Test
    void classLevelConstraintsNamingUnknownFieldsAreCompileErrors(@TempDir Path dir) {
        Compilation c = Compilation.compile(dir, Compilation.Processing.EXPLICIT, sources("shop/Loan.java", """
                package shop;

                import dev.ashlar.declarative.*;

                @Model
                @UniqueTogether({"memberId", "bookId"})
                @IndexOn(value = {"member_id", "dueOn"}, unique = true)
                @Check(name = "", sql = "due_on > 0")
                public class Loan {
                    @Id Long id;
                    Long memberId;
                    Long copyId;
                    Integer dueOn;
                }
                """));
        assertThat(c.success).isFalse();
        assertThat(c.errors()).map(Object::toString).containsExactlyInAnyOrder(
                "Loan.java:9: Loan: @UniqueTogether({\"memberId\", \"bookId\"}) names 'bookId', which is not a mapped field of Loan"
                        + " (name Java fields, not columns); its mapped fields are [id, memberId, copyId, dueOn]",
                "Loan.java:9: Loan: @IndexOn({\"member_id\", \"dueOn\"}) names 'member_id', which is not a mapped field of Loan"
                        + " (name Java fields, not columns); its mapped fields are [id, memberId, copyId, dueOn]",
                "Loan.java:9: Loan: @Check(sql = \"due_on > 0\") needs a name, the label in ck_<table>_<name>");
        assertThat(c.generated.resolve("shop/Loan_.java")).doesNotExist();
    }

    @Test
    void soundClassLevelConstraintsCompile(@TempDir Path dir) {
        Compilation c = Compilation.compile(dir, Compilation.Processing.DISCOVERED, sources("shop/Loan.java", """
                package shop;

                import dev.ashlar.declarative.*;

                @Model
                @UniqueTogether({"memberId", "copyId"})
                @IndexOn({"copyId", "dueOn"})
                @IndexOn(value = "dueOn", unique = true, name = "loans_by_due")
                @Check(name = "due_positive", sql = "due_on > 0")
                public class Loan {
                    @Id Long id;
                    Long memberId;
                    Long copyId;
                    Integer dueOn;
                }
                """));
        assertThat(c.success).as(c.errors().toString()).isTrue();
        assertThat(c.generated.resolve("shop/Loan_.java")).exists();
    }

    private static final String RELATED = """
            package shop;

            import dev.ashlar.declarative.*;
            import java.util.ArrayList;
            import java.util.List;

            @Model
            public class Customer {
                @Id public Long id;
                @OneToMany(mappedBy = "customer") public List<Purchase> purchases = new ArrayList<>();
            }
            """;

    private static final String PURCHASE = """
            package shop;

            import dev.ashlar.declarative.*;

            @Model
            public class Purchase {
                @Id public Long id;
                @References(model = Customer.class) public Long customerId;
                @ManyToOne public Holder<Customer> customer = new Holder<>();
            }
            """;

    /** Stands in for the ORM's {@code Ref}, which the processor does not depend on. */
    private static final String HOLDER = """
            package shop;

            public class Holder<T> {
            }
            """;

    private static String useRelation(String body) {
        return """
                package shop;

                import dev.ashlar.declarative.Relation;

                class UseRelation {
                    static Relation<Customer, Purchase> relation() {
                        return %s;
                    }
                }
                """.formatted(body);
    }

    @Test
    void generatesOneTypedRelationPerRelationshipField(@TempDir Path dir) throws Exception {
        Compilation c = Compilation.compile(dir, Compilation.Processing.DISCOVERED, sources(
                "shop/Customer.java", RELATED, "shop/Purchase.java", PURCHASE, "shop/Holder.java", HOLDER,
                "shop/UseRelation.java", useRelation("Customer_.purchases")));
        assertThat(c.success).as(c.toString()).isTrue();
        try (URLClassLoader loader = c.loader()) {
            Class<?> customerMeta = loader.loadClass("shop.Customer_");
            assertThat(Arrays.stream(customerMeta.getDeclaredFields()).map(Field::getName))
                    .containsExactly("MODEL", "TABLE", "id", "purchases");
            assertThat(customerMeta.getField("purchases").getGenericType().getTypeName())
                    .isEqualTo("dev.ashlar.declarative.Relation<shop.Customer, shop.Purchase>");
            Class<?> purchaseMeta = loader.loadClass("shop.Purchase_");
            assertThat(purchaseMeta.getField("customer").getGenericType().getTypeName())
                    .isEqualTo("dev.ashlar.declarative.Relation<shop.Purchase, shop.Customer>");
            Relation<?, ?> customer = (Relation<?, ?>) purchaseMeta.getField("customer").get(null);
            assertThat(customer.owner().getName()).isEqualTo("shop.Purchase");
            assertThat(customer.name()).isEqualTo("customer");
            assertThat(customer.target().getName()).isEqualTo("shop.Customer");
        }
    }

    @Test
    void aRelationOfTheWrongModelsDoesNotCompile(@TempDir Path dir) {
        Compilation c = Compilation.compile(dir, Compilation.Processing.EXPLICIT, sources(
                "shop/Customer.java", RELATED, "shop/Purchase.java", PURCHASE, "shop/Holder.java", HOLDER,
                "shop/UseRelation.java", useRelation("Purchase_.customer")));
        assertThat(c.success).isFalse();
        assertThat(c.errors()).singleElement().asString().startsWith("UseRelation.java:7: ").contains("incompatible types");
    }

    @Test
    void twoModelsMappedToOneTableFailToCompileNamingBoth(@TempDir Path dir) {
        Compilation c = Compilation.compile(dir, Compilation.Processing.EXPLICIT, sources(
                "shop/Item.java", ITEM,
                "shop/Product.java", """
                        package shop;

                        import dev.ashlar.declarative.*;

                        @Model(table = "items")
                        public class Product {
                            @Id public Long id;
                        }
                        """,
                "shop/Items.java", """
                        package shop;

                        import dev.ashlar.declarative.*;

                        @Model
                        public record Items(@Id Long id) {
                        }
                        """));
        assertThat(c.success).isFalse();
        // Item and Product name one table explicitly; Items gets its default name, items, as well
        assertThat(c.errors()).hasSize(2).allSatisfy(e -> assertThat(e).contains(": table items is already mapped by model "));
        assertThat(String.join("\n", c.errors()))
                .containsAnyOf("shop.Product: table items is already mapped by model shop.Item",
                        "shop.Item: table items is already mapped by model shop.Product")
                .contains("two models cannot map one table");
    }
}
