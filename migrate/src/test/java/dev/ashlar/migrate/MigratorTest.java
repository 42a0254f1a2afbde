package dev.ashlar.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.dialect.Dialects;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.reflect.Inspector;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.types.Types;
import dev.ashlar.migrate.shop.V1CreateItems;
import dev.ashlar.migrate.shop.V2AddPrice;
import dev.ashlar.migrate.shop.V3RenameDescription;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.ashlar.core.dialect.DdlEffect;
import org.junit.jupiter.api.Test;

class MigratorTest {
    private static final List<Class<? extends Migration>> SHOP = List.of(V1CreateItems.class, V2AddPrice.class, V3RenameDescription.class);

    @AllDatabases
    void upgradesInOrderAndDowngradesToAnyRevision(TestDatabase db) throws SQLException {
        try (Engine engine = Engine.create(db.url())) {
            List<String> lines = new ArrayList<>();
            Migrator migrator = Migrator.of(engine, SHOP).output(lines::add);

            MigrationReport report = migrator.upgrade();
            assertThat(report.done()).containsExactly("v1_items", "v2_price", "v3_details");
            assertThat(report.pending()).isEmpty();
            assertThat(lines).contains("applying v1_items (create items)", "  1/1 rename column items.description to details [changes the catalog only]");
            assertThat(columns(db, "items")).containsExactly("id", "name", "details", "price");
            assertThat(migrator.current()).extracting(AppliedRevision::summary)
                    .containsExactly("v1_items: applied", "v2_price: applied", "v3_details: applied");

            assertThat(migrator.upgrade().done()).isEmpty();

            assertThat(migrator.downgrade("v1_items").done()).containsExactly("v3_details", "v2_price");
            assertThat(columns(db, "items")).containsExactly("id", "name", "description");
            assertThat(migrator.current()).extracting(AppliedRevision::revision).containsExactly("v1_items");
            assertThat(migrator.downgrade(Migrator.BASE).done()).containsExactly("v1_items");
            assertThat(tables(db)).containsExactly("ashlar_version");
        }
    }

    @AllDatabases
    void renameKeepsTheColumnsData(TestDatabase db) throws SQLException {
        try (Engine engine = Engine.create(db.url())) {
            Migrator migrator = Migrator.of(engine, SHOP);
            migrator.upgrade("v2_price");
            exec(db, "INSERT INTO items (id, name, description, price) VALUES (1, 'Widget', 'A small widget', 9.99)");
            migrator.upgrade();
            assertThat(string(db, "SELECT details FROM items WHERE id = 1")).isEqualTo("A small widget");
            migrator.downgrade("v2_price");
            assertThat(string(db, "SELECT description FROM items WHERE id = 1")).isEqualTo("A small widget");
        }
    }

    /** Steps: add a column, index it, then a data step that a row already in the table breaks (no preflight can know). */
    @Revision(id = "f1_codes", message = "three steps, the third fails on an existing key")
    public static final class ThreeSteps implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("codes", Column.of("extra", Types.integer()));
            op.createIndex("codes", "ix_codes_extra", false, "extra");
            op.sql("INSERT INTO codes (id, code, extra) VALUES (1, 'z', 26)");
        }

        @Override
        public void downgrade(Operations op) {
            op.sql("DELETE FROM codes WHERE id = 1");
            op.dropIndex("codes", "ix_codes_extra");
            op.dropColumn("codes", "extra");
        }
    }

    @AllDatabases
    void aFailedRevisionLeavesAKnownStateAndResumes(TestDatabase db) throws SQLException {
        exec(db, "CREATE TABLE codes (id INTEGER PRIMARY KEY, code VARCHAR(10) NOT NULL)");
        exec(db, "INSERT INTO codes (id, code) VALUES (1, 'a'), (2, 'b')");
        try (Engine engine = Engine.create(db.url())) {
            Migrator migrator = Migrator.of(engine, List.of(ThreeSteps.class));
            assertThatThrownBy(migrator::upgrade).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("revision f1_codes (dev/ashlar/migrate/MigratorTest.java) failed at step 3 of 3");

            if (engine.dialect().transactionalDdl()) {
                // One transaction: the schema and the version table are exactly as before.
                assertThat(columns(db, "codes")).containsExactly("id", "code");
                assertThat(indexes(engine, "codes")).isEmpty();
                assertThat(migrator.current()).isEmpty();
            } else {
                // DDL commits by itself: steps 1 and 2 are journalled, and current() says where it stopped.
                assertThat(columns(db, "codes")).containsExactly("id", "code", "extra");
                assertThat(indexes(engine, "codes")).containsExactly("ix_codes_extra");
                assertThat(migrator.current()).singleElement().extracting(AppliedRevision::summary).asString()
                        .startsWith("f1_codes: failed at step 3 of 3 (");
            }

            exec(db, "DELETE FROM codes WHERE id = 1");
            List<String> lines = new ArrayList<>();
            assertThat(migrator.output(lines::add).upgrade().done()).containsExactly("f1_codes");
            // Resuming never runs a finished step again: a second ADD COLUMN extra would have failed.
            assertThat(lines).contains(engine.dialect().transactionalDdl() ? "applying f1_codes (three steps, the third fails on an existing key)"
                    : "resuming f1_codes (three steps, the third fails on an existing key) at step 3 of 3");
            assertThat(indexes(engine, "codes")).containsExactly("ix_codes_extra");
            assertThat(string(db, "SELECT extra FROM codes WHERE id = 1")).isEqualTo("26");
            assertThat(migrator.current()).extracting(AppliedRevision::summary).containsExactly("f1_codes: applied");
        }
    }

    /** V1 as applied, then edited: the name column got longer. */
    @Revision(id = "v1_items", message = "create items")
    public static final class EditedV1 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("items", Column.of("id", Types.bigInteger()).primaryKey(), Column.of("name", Types.string(80)).notNull(),
                    Column.of("description", Types.text()));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("items");
        }
    }

    @AllDatabases
    void anEditedAppliedScriptFailsValidationUntilRepaired(TestDatabase db) throws SQLException {
        try (Engine engine = Engine.create(db.url())) {
            Migrator.of(engine, List.of(V1CreateItems.class)).upgrade();
            Migrator edited = Migrator.of(engine, List.of(EditedV1.class, V2AddPrice.class));

            assertThatThrownBy(edited::upgrade).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("revision v1_items was changed after it was applied: dev/ashlar/migrate/MigratorTest.java");
            assertThat(edited.check()).anyMatch(p -> p.startsWith("revision v1_items was changed after it was applied"));
            assertThat(tables(db)).doesNotContain("ix_items_name");

            assertThat(edited.repair()).containsExactly("v1_items");
            assertThat(edited.upgrade().done()).containsExactly("v2_price");
            assertThat(edited.check()).isEmpty();
        }
    }

    @Revision(id = "b_left", parents = "v1_items", message = "left branch")
    public static final class Left implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("items", Column.of("colour", Types.string(20)));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("items", "colour");
        }
    }

    @Revision(id = "b_right", parents = "v1_items", message = "right branch")
    public static final class Right implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("items", Column.of("weight", Types.integer()));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("items", "weight");
        }
    }

    @Revision(id = "b_merge", parents = {"b_left", "b_right"}, message = "merge")
    public static final class Merge implements Migration {
        @Override
        public void upgrade(Operations op) {
        }

        @Override
        public void downgrade(Operations op) {
        }
    }

    @AllDatabases
    void branchesAreDetectedAndMergesJoinThem(TestDatabase db) throws SQLException {
        try (Engine engine = Engine.create(db.url())) {
            Migrator branched = Migrator.of(engine, List.of(V1CreateItems.class, Left.class, Right.class));
            assertThat(branched.heads()).containsExactly("b_left", "b_right");
            assertThat(branched.check()).first().asString().startsWith("several heads [b_left, b_right]");
            assertThat(branched.upgrade().done()).containsExactly("v1_items", "b_left", "b_right");

            Migrator merged = Migrator.of(engine, List.of(V1CreateItems.class, Left.class, Right.class, Merge.class));
            assertThat(merged.heads()).containsExactly("b_merge");
            assertThat(merged.upgrade().done()).containsExactly("b_merge");
            assertThat(merged.check()).isEmpty();
            assertThat(columns(db, "items")).contains("colour", "weight");

            assertThat(merged.downgrade("b_left").done()).containsExactly("b_merge", "b_right");
            assertThat(columns(db, "items")).contains("colour").doesNotContain("weight");
        }
    }

    @AllDatabases
    void stampBaselinesAnExistingDatabase(TestDatabase db) throws SQLException {
        exec(db, "CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL, description TEXT)");
        try (Engine engine = Engine.create(db.url())) {
            Migrator migrator = Migrator.of(engine, SHOP);
            assertThat(migrator.check()).containsExactly("revision v1_items is not applied", "revision v2_price is not applied",
                    "revision v3_details is not applied");
            assertThat(migrator.stamp("v1_items").done()).containsExactly("v1_items");
            assertThat(migrator.upgrade().done()).containsExactly("v2_price", "v3_details");
            assertThat(migrator.check()).isEmpty();
            assertThat(columns(db, "items")).containsExactly("id", "name", "details", "price");
        }
    }

    @Test
    void offlineSqlIsTheSameOnEveryRun() {
        for (String name : List.of("sqlite", "postgresql", "mariadb")) {
            var dialect = Dialects.forScheme(name);
            String first = Migrator.upgradeSql(Migrator.graph(SHOP), dialect, Migrator.HEADS);
            String second = Migrator.upgradeSql(Migrator.graph(SHOP), dialect, Migrator.HEADS);
            assertThat(second).isEqualTo(first);
            assertThat(first).contains("-- revision v3_details: rename description to details").contains("RENAME COLUMN");
        }
        String postgres = Migrator.upgradeSql(Migrator.graph(SHOP), Dialects.forScheme("postgresql"), Migrator.HEADS);
        assertThat(postgres).contains("CREATE INDEX CONCURRENTLY ix_items_name ON items (name);");
    }

    @Test
    void eachStepCarriesTheDialectsVerdictOnWhatItDoesToTheTable() {
        Column<?> narrowPrice = Column.of("price", Types.numeric(10, 2));
        Column<?> widePrice = Column.of("price", Types.numeric(12, 2));
        Map<String, DdlEffect.Kind> widen = Map.of("postgresql", DdlEffect.Kind.METADATA_ONLY, "mariadb", DdlEffect.Kind.REWRITES_TABLE,
                "sqlite", DdlEffect.Kind.REWRITES_TABLE);
        for (var e : widen.entrySet()) {
            Operations op = new Operations(Dialects.forScheme(e.getKey()));
            op.alterColumn("items", narrowPrice, widePrice);
            assertThat(op.steps()).as(e.getKey()).allSatisfy(step -> assertThat(step.effect().kind()).isEqualTo(e.getValue()));
        }
        Operations postgres = new Operations(Dialects.forScheme("postgresql"));
        postgres.alterColumn("items", Column.of("code", Types.string(10)), Column.of("code", Types.integer()));
        assertThat(postgres.steps().get(0).effect().verdict()).startsWith("rewrites table items under an ACCESS EXCLUSIVE lock");
        Operations mariadb = new Operations(Dialects.forScheme("mariadb"));
        mariadb.addColumn("items", Column.of("sku", Types.string(40)));
        mariadb.createIndex("items", "ix_items_sku", false, "sku");
        assertThat(mariadb.steps()).extracting(step -> step.effect().kind()).containsOnly(DdlEffect.Kind.METADATA_ONLY);
        assertThat(Migrator.upgradeSql(Migrator.graph(List.of(V1CreateItems.class, V2AddPrice.class)), Dialects.forScheme("sqlite"),
                Migrator.HEADS)).doesNotContain("-- rewrites");
    }

    @Test
    void aScriptWithoutRevisionOrWithAnUnknownParentIsRefused() {
        assertThatThrownBy(() -> Migrator.graph(List.of(V2AddPrice.class))).isInstanceOf(MigrationException.class)
                .hasMessageContaining("names parent 'v1_items', which no script declares");
        assertThatThrownBy(() -> Migrator.graph(List.of(NoRevision.class))).isInstanceOf(MigrationException.class)
                .hasMessageContaining("has no @Revision");
    }

    static final class NoRevision implements Migration {
        @Override
        public void upgrade(Operations op) {
        }

        @Override
        public void downgrade(Operations op) {
        }
    }

    // ---- checks through plain JDBC ----

    static void exec(TestDatabase db, String sql) throws SQLException {
        try (java.sql.Connection c = db.openJdbc(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String string(TestDatabase db, String sql) throws SQLException {
        try (java.sql.Connection c = db.openJdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as("a row from " + sql).isTrue();
            return rs.getString(1);
        }
    }

    static List<String> columns(TestDatabase db, String table) throws SQLException {
        try (java.sql.Connection c = db.openJdbc(); ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), schema(c), table, "%")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString("COLUMN_NAME"));
            }
            return out;
        }
    }

    static List<String> tables(TestDatabase db) throws SQLException {
        try (java.sql.Connection c = db.openJdbc(); ResultSet rs = c.getMetaData().getTables(c.getCatalog(), schema(c), "%", new String[]{"TABLE"})) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME"));
            }
            return out;
        }
    }

    private static String schema(java.sql.Connection c) throws SQLException {
        return c.getSchema();
    }

    static List<String> indexes(Engine engine, String table) {
        try (var conn = engine.connect()) {
            return Inspector.of(conn).indexes(table).stream().map(i -> i.name()).filter(n -> !n.startsWith("sqlite_")).toList();
        }
    }
}
