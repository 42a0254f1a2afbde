package dev.ashlar.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.diff.Renames;
import dev.ashlar.core.diff.SchemaChange;
import dev.ashlar.core.diff.SchemaDiff;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.reflect.Inspector;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** {@link RenamedFrom}: read and checked by the model reader, exposed by the mappings, and a RENAME in the diff that keeps the data. */
class RenamedFromTest {
    @Model(table = "shelf_items")
    @RenamedFrom("products")
    static class ShelfItem {
        @Id Long id;
        @Required String name;
        @RenamedFrom("description") @Text String details;
        @Numeric(precision = 12, scale = 2) BigDecimal price;
    }

    @Model
    static class BadRenames {
        @Id Long id;
        @RenamedFrom("name") String name;
        @RenamedFrom("old") String a;
        @RenamedFrom("old") String b;
        @RenamedFrom("a") String c;
    }

    @Model(table = "things")
    @RenamedFrom("things")
    static class SameTable {
        @Id Long id;
    }

    @Test
    void theMappingsExposeTheDeclaredRenames() {
        ModelRegistry registry = new ModelRegistry(new MetaData());
        ModelMapping<ShelfItem> mapping = registry.of(ShelfItem.class);
        assertThat(mapping.renamedFrom()).contains("products");
        assertThat(mapping.field("details").renamedFrom()).contains("description");
        assertThat(mapping.field("name").renamedFrom()).isEmpty();
        Renames renames = registry.renames();
        assertThat(renames.tableFrom("shelf_items")).contains("products");
        assertThat(renames.columnFrom("shelf_items", "details")).contains("description");
    }

    @Test
    void mistakesAreMappingErrorsNamingModelAndField() {
        assertThatThrownBy(() -> new ModelRegistry(new MetaData()).of(BadRenames.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("BadRenames.name: @RenamedFrom(\"name\") names the field's current column")
                .hasMessageContaining("BadRenames.b: @RenamedFrom(\"old\") claims the same old column as BadRenames.a")
                .hasMessageContaining("BadRenames.c: @RenamedFrom(\"a\") names column a, which BadRenames.a still maps");
        assertThatThrownBy(() -> new ModelRegistry(new MetaData()).of(SameTable.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("SameTable: @RenamedFrom(\"things\") names the model's current table");
    }

    @AllDatabases
    void theDiffRenamesTheTableAndColumnAndKeepsTheRows(TestDatabase db) throws Exception {
        try (java.sql.Connection c = db.openJdbc(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE products (id BIGINT PRIMARY KEY, name VARCHAR(255) NOT NULL, description TEXT, price DECIMAL(10,2))");
            s.execute("INSERT INTO products (id, name, description, price) VALUES (1, 'Widget', 'A small widget', 9.99)");
        }
        ModelRegistry registry = new ModelRegistry(new MetaData());
        registry.of(ShelfItem.class);
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            Inspector inspector = Inspector.of(conn);
            SchemaDiff diff = SchemaDiff.compare(inspector.reflect(inspector.tableNames()), registry.metadata(), conn.dialect(), registry.renames());
            assertThat(diff.changes()).filteredOn(ch -> ch instanceof SchemaChange.RenameTable || ch instanceof SchemaChange.RenameColumn)
                    .extracting(SchemaChange::describe)
                    .containsExactly("rename table products to shelf_items", "rename column shelf_items.description to details");
            assertThat(diff.changes()).noneMatch(ch -> ch instanceof SchemaChange.DropColumn || ch instanceof SchemaChange.DropTable
                    || ch instanceof SchemaChange.CreateTable);
            diff.apply(conn);
            Inspector after = Inspector.of(conn);
            assertThat(SchemaDiff.compare(after.reflect(after.tableNames()), registry.metadata(), conn.dialect(), registry.renames())
                    .isEmpty()).as("the database matches the models").isTrue();
        }
        try (java.sql.Connection c = db.openJdbc(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT details, price FROM shelf_items WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("A small widget");
            assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("9.99");
        }
    }
}
