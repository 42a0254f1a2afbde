package dev.ashlar.cli;

import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.bool;
import static dev.ashlar.core.types.Types.date;
import static dev.ashlar.core.types.Types.dateTime;
import static dev.ashlar.core.types.Types.float64;
import static dev.ashlar.core.types.Types.integer;
import static dev.ashlar.core.types.Types.numeric;
import static dev.ashlar.core.types.Types.smallInteger;
import static dev.ashlar.core.types.Types.string;
import static dev.ashlar.core.types.Types.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.diff.SchemaDiff;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.reflect.Inspector;
import dev.ashlar.core.schema.CheckConstraint;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.ReferentialAction;
import dev.ashlar.core.schema.ServerDefault;
import dev.ashlar.core.schema.UniqueConstraint;
import dev.ashlar.core.types.Types;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.Chinook;
import dev.ashlar.testkit.DatabaseKind;
import dev.ashlar.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ashlar codegen} end to end: models written from Chinook and from a schema made to trip
 * code generators up are compiled with the annotation processor, their schema is created in an
 * empty database, and reflecting it gives the source schema again (an empty {@link SchemaDiff}).
 */
class CodegenCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @AllDatabases
    void chinookModelsCompileAndRecreateChinook(TestDatabase db) throws IOException {
        TestDatabase chinook = Chinook.load(db.kind()).orElseThrow();
        Path src = temp.resolve("src");
        String[] command = {"codegen", "--url", chinook.url(), "--package", "org.example.chinook", "--out", src.toString()};
        CliRun.Result run = CliRun.cli().run(command);
        assertThat(run.status()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("11 models", "12 files written");
        Map<Path, String> first = read(src);

        String playlist = squash(first.get(file("org/example/chinook/Playlist.java")));
        String track = squash(first.get(file("org/example/chinook/Track.java")));
        assertThat(playlist).contains("@ManyToMany(through = PlaylistTrack.class) public List<Track> tracks = new ArrayList<>();");
        assertThat(track).contains("@ManyToOne public Ref<Album> album = new Ref<>();", "public List<Playlist> playlists");
        String employee = squash(first.get(file("org/example/chinook/Employee.java")));
        String customer = squash(first.get(file("org/example/chinook/Customer.java")));
        String invoice = squash(first.get(file("org/example/chinook/Invoice.java")));
        assertThat(employee).contains("@ManyToOne public Ref<Employee> reportsToEmployee = new Ref<>();",
                "@OneToMany(mappedBy = \"reportsToEmployee\") public List<Employee> employeesByReportsToEmployee",
                "@OneToMany(mappedBy = \"supportRep\") public List<Customer> customers");
        assertThat(customer).contains("@ManyToOne public Ref<Employee> supportRep", "@OneToMany(mappedBy = \"customer\") public List<Invoice> invoices");
        if (db.kind() == DatabaseKind.MARIADB) {
            // Chinook's MySQL script declares DATETIME, which keeps whole seconds there: the fields say so
            assertThat(employee).contains("@Precision(0) @ColumnOptions(name = \"BirthDate\") public LocalDateTime birthDate;");
            assertThat(invoice).contains("@Required @Precision(0) @ColumnOptions(name = \"InvoiceDate\") public LocalDateTime invoiceDate;");
        } else {
            // PostgreSQL's timestamp and SQLite's DATETIME keep six digits, the default
            assertThat(employee + invoice).contains("LocalDateTime birthDate;", "LocalDateTime invoiceDate;").doesNotContain("@Precision");
        }

        Path classes = temp.resolve("classes");
        ModelCompiler.compile(src, classes);
        MetaData generated = ModelPackage.load("org.example.chinook", List.of(classes));
        try (Engine source = Engine.create(chinook.url()); Connection from = source.connect();
             Engine target = Engine.create(db.url())) {
            SchemaDdl.createAll(target, generated);
            try (Connection to = target.connect()) {
                Inspector inspector = Inspector.of(from);
                MetaData original = inspector.reflect();
                SchemaDiff diff = SchemaDiff.compare(original, Inspector.of(to).reflect(), to.dialect());
                assertThat(diff.changes()).as(diff.toString()).isEmpty();
            }
        }

        CliRun.Result again = CliRun.cli().run(command);
        assertThat(again.status()).as(again.err()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("0 files written, 12 already up to date");
        assertThat(read(src)).isEqualTo(first);
    }

    @AllDatabases
    void hostileSchemaGivesValidReadableModelsThatRecreateIt(TestDatabase db) throws IOException {
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, hostileSchema());
        }
        Path src = temp.resolve("src");
        CliRun.Result run = CliRun.cli().terminal(true).env("DATABASE_URL", db.url())
                .run("codegen", "--package", "org.example.hostile", "--out", src.toString(), "--json");
        assertThat(run.status()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode doc = JSON.readTree(run.out());
        assertThat(doc.get("skipped").get(0).get("table").asText()).isEqualTo("audit_log");
        assertThat(doc.get("skipped").get(0).get("reason").asText()).contains("no primary key");
        assertThat(run.err()).contains("writing models");
        Map<Path, String> files = read(src);
        assertThat(files.get(file("org/example/hostile/package-info.java"))).contains("<code>audit_log</code>: it has no primary key");

        String order = squash(files.get(file("org/example/hostile/Order.java")));
        assertThat(order).contains("@Model(table = \"order\")", "@Required @Length(20) @ColumnOptions(name = \"class\") public String class_;",
                "@Text public String metadata;", "public Integer order;", "public LocalDateTime placed;",
                "@Precision(3) public LocalDateTime shipped;", "@Length(10) @ColumnOptions(name = \"Order_\") public String order2;",
                "@Required @DatabaseDefault(\"true\") @ColumnOptions(name = \"public\") public Boolean public_;",
                "@References(model = Staff.class", "@Required public Integer openedById;", "public List<OrderLine> orderLines = new ArrayList<>();",
                "@ManyToOne(key = \"openedById\") public Ref<Staff> openedBy = new Ref<>();",
                "@ManyToOne(key = \"closedById\") public Ref<Staff> closedBy = new Ref<>();",
                "@ManyToOne public Ref<CustomerAccount> customerRef = new Ref<>();",
                "@Check(name = \"total_positive\", sql = ", "@IndexOn(value = {\"customer\"}, name = \"ix_order_customer\")",
                "@ManyToMany(through = OrderTag.class) public List<Tag> tags = new ArrayList<>();",
                "values = {\"new\", \"paid\", \"it's shipped\"}) @DatabaseDefault(\"new\") public String status;");
        String staff = squash(files.get(file("org/example/hostile/Staff.java")));
        assertThat(staff).contains("@ManyToOne public Ref<Staff> manager = new Ref<>();", "@OneToMany(mappedBy = \"manager\") public List<Staff> staffsByManager",
                "@OneToMany(mappedBy = \"openedBy\") public List<Order> ordersByOpenedBy", "public List<Order> ordersByClosedBy",
                "@OneToOne(mappedBy = \"staff\") public Ref<Passport> passport = new Ref<>();");
        assertThat(squash(files.get(file("org/example/hostile/Passport.java"))))
                .contains("@References(model = Staff.class, onDelete = ReferentialAction.CASCADE", "public Integer staffId;",
                        "@OneToOne public Ref<Staff> staff = new Ref<>();");
        assertThat(squash(files.get(file("org/example/hostile/OrderTag.java")))).contains("many-to-many relationship between {@link Order} and {@link Tag}");
        assertThat(squash(files.get(file("org/example/hostile/OrderLine.java")))).contains("An association model",
                "@DatabaseDefault(\"it's fine\")", "@ManyToOne public Ref<Product> product");
        assertThat(squash(files.get(file("org/example/hostile/StringModel.java")))).contains("@Model(table = \"String\") public class StringModel");
        assertThat(squash(files.get(file("org/example/hostile/Model.java"))))
                .contains("(table = \"model\") public class Model", "Ref> ref = new ");
        assertThat(squash(files.get(file("org/example/hostile/CustomerAccount.java"))))
                .contains("@Model(table = \"Customer Account\")", "(value = {\"firstName\", \"firstName2\"}", "name = \"uq_names\")",
                        "@ColumnOptions(name = \"firstName\") public String firstName;",
                        "@ColumnOptions(name = \"first_name\") public String firstName2;", "@ColumnOptions(name = \"E-Mail\") public String eMail;");

        Path classes = temp.resolve("classes");
        ModelCompiler.compile(src, classes);
        MetaData models = ModelPackage.load("org.example.hostile", List.of(classes));
        MetaData source;
        try (Engine engine = Engine.create(db.url()); Connection c = engine.connect()) {
            Inspector inspector = Inspector.of(c);
            source = inspector.reflect(inspector.tableNames().stream().filter(t -> !t.equals("audit_log")).toList());
        }
        db.reset();
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, models);
            try (Connection c = engine.connect()) {
                SchemaDiff diff = SchemaDiff.compare(source, Inspector.of(c).reflect(), c.dialect());
                assertThat(diff.changes()).as(diff.toString()).isEmpty();
            }
        }
    }

    @AllDatabases
    void aTableModelsCannotDeclareStopsTheRunWithNothingWritten(TestDatabase db) throws IOException {
        MetaData md = new MetaData();
        Column<Long> a = Column.of("a", bigInteger()).primaryKey().autoincrement(false);
        Column<Long> b = Column.of("b", bigInteger()).primaryKey().autoincrement(false);
        md.table("pairs", a, b);
        Column<Long> pa = Column.of("pair_a", bigInteger()).notNull();
        Column<Long> pb = Column.of("pair_b", bigInteger()).notNull();
        md.table("uses", Column.of("id", bigInteger()).primaryKey(), pa, pb,
                new ForeignKey("fk_uses_pair", List.of(pa, pb), List.of(a, b), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION),
                Column.of("stamp", dateTime()).serverDefault(ServerDefault.currentTimestamp()));
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, md);
        }
        Path src = temp.resolve("src");
        CliRun.Result run = CliRun.cli().run("codegen", "--url", db.url(), "--package", "p", "--out", src.toString());
        assertThat(run.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).contains("cannot generate models, so nothing was written",
                "table uses, foreign key", "(pair_a, pair_b) -> pairs(a, b): it has 2 columns",
                "table uses, column stamp: its default", "Leave these tables out with --tables");
        assertThat(src).doesNotExist();

        CliRun.Result onlyPairs = CliRun.cli().run("codegen", "--url", db.url(), "--package", "p", "--out", src.toString(), "--tables", "pairs");
        assertThat(onlyPairs.status()).as(onlyPairs.err()).isEqualTo(ExitCodes.OK);
        assertThat(read(src)).containsOnlyKeys(file("p/Pairs.java"), file("p/package-info.java"));

        CliRun.Result unknown = CliRun.cli().run("codegen", "--url", db.url(), "--package", "p", "--out", src.toString(), "--tables", "nope");
        assertThat(unknown.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(unknown.err()).contains("table nope does not exist");

        CliRun.Result badPackage = CliRun.cli().run("codegen", "--url", db.url(), "--package", "com.class", "--out", src.toString());
        assertThat(badPackage.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(badPackage.err()).contains("'com.class' is not a Java package name");
    }

    @AllDatabases
    void badUrlsAreClearErrorsAndWriteNothing(TestDatabase db) {
        Path src = temp.resolve("src");
        CliRun.Result scheme = CliRun.cli().run("codegen", "--url", "nosuchdb://x/y", "--package", "p", "--out", src.toString());
        assertThat(scheme.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(scheme.err()).startsWith("error: ");
        String unreachable = db.url().replaceFirst("//[^/]+/", "//127.0.0.1:1/");
        CliRun.Result down = CliRun.cli().run("codegen", "--url", db.kind().name().equals("SQLITE") ? "sqlite:///no/such/file.db" : unreachable,
                "--package", "p", "--out", src.toString());
        assertThat(down.status()).as(down.err()).isEqualTo(ExitCodes.ERROR);
        assertThat(down.err()).startsWith("error: ");
        assertThat(src).doesNotExist();
    }

    /**
     * Tables and columns named to trip a code generator: Java keywords, a column named like its table
     * and like the metamodel, names that differ only in spelling, spaces and mixed case, a class name
     * that would hide {@code java.lang.String}; a self-reference, two keys to one table, a one-to-one,
     * a pure link table and one with data, and a table without a primary key.
     */
    static MetaData hostileSchema() {
        MetaData md = new MetaData();
        Column<Integer> staffId = Column.of("id", integer()).primaryKey();
        md.table("staff", staffId, Column.of("name", string(60)).notNull(),
                Column.of("manager_id", integer()).references(staffId), Column.of("hired_on", date()));
        md.table("passport", Column.of("id", integer()).primaryKey(), Column.of("number", string(20)).notNull(),
                Column.of("staff_id", integer()).notNull().unique().references(staffId, ReferentialAction.CASCADE, ReferentialAction.NO_ACTION));
        Column<Integer> accountId = Column.of("ID", integer()).primaryKey();
        Column<String> email = Column.of("E-Mail", string(120)).notNull();
        Column<String> first = Column.of("firstName", string(40));
        Column<String> second = Column.of("first_name", string(40));
        md.table("Customer Account", accountId, email, first, second, UniqueConstraint.of(first, second).named("uq_names"));
        Column<Integer> orderId = Column.of("id", integer()).primaryKey();
        Column<Integer> total = Column.of("total", integer()).notNull().serverDefault(ServerDefault.literal(0));
        Column<String> customer = Column.of("customer", string(80));
        md.table("order", orderId, Column.of("class", string(20)).notNull(), Column.of("metadata", text()),
                Column.of("order", integer()), Column.of("Order_", string(10)),
                Column.of("public", bool()).notNull().serverDefault(ServerDefault.literal(true)),
                customer, Column.of("customer_id", integer()).references(accountId),
                Column.of("opened_by_id", integer()).notNull().references(staffId),
                Column.of("closed_by_id", integer()).references(staffId),
                total, Column.of("weight", float64()), Column.of("placed", dateTime()), Column.of("shipped", dev.ashlar.core.types.Types.dateTime(3)),
                Column.of("status", Types.databaseEnum("order status", List.of("new", "paid", "it's shipped"))).notNull()
                        .serverDefault(ServerDefault.literal("new")),
                CheckConstraint.of("total_positive", "total >= 0"), Index.on(customer).named("ix_order_customer"));
        Column<Integer> tagId = Column.of("id", integer()).primaryKey();
        md.table("tag", tagId, Column.of("label", string(30)).notNull().unique());
        md.table("order_tag", Column.of("order_id", integer()).primaryKey().references(orderId, ReferentialAction.CASCADE, ReferentialAction.NO_ACTION),
                Column.of("tag_id", integer()).primaryKey().references(tagId));
        Column<Integer> productId = Column.of("id", integer()).primaryKey();
        md.table("product", productId, Column.of("title", string(100)).notNull(), Column.of("price", numeric(10, 2)).notNull(),
                Column.of("stock", smallInteger()).notNull().serverDefault(ServerDefault.literal(5)));
        md.table("order_line", Column.of("order_id", integer()).primaryKey().references(orderId),
                Column.of("product_id", integer()).primaryKey().references(productId),
                Column.of("quantity", integer()).notNull(), Column.of("note", string(200)).serverDefault(ServerDefault.literal("it's fine")));
        md.table("String", Column.of("id", bigInteger()).primaryKey(), Column.of("value", text()));
        // classes named like the types the models and metamodels import: Ref, Model, List, Table, Column
        Column<Integer> refId = Column.of("id", integer()).primaryKey();
        md.table("ref", refId, Column.of("list", string(10)));
        md.table("model", Column.of("id", integer()).primaryKey(), Column.of("ref_id", integer()).references(refId));
        md.table("table", Column.of("id", integer()).primaryKey(), Column.of("column", string(10)));
        md.table("audit_log", Column.of("at", dateTime()).notNull(), Column.of("message", text()));
        return md;
    }

    /** {@code text} with every run of white space as one space, so that assertions need not follow the line breaks. */
    private static String squash(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static Path file(String path) {
        return Path.of(path);
    }

    /** Every file under {@code root}, by relative path, with its content. */
    private static Map<Path, String> read(Path root) throws IOException {
        Map<Path, String> out = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path f : files) {
            out.put(root.relativize(f), Files.readString(f, StandardCharsets.UTF_8));
        }
        return out;
    }
}
