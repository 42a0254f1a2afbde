package dev.ashlar.compliance.types;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.types.Types.integer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.diff.SchemaDiff;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.AshlarException;
import dev.ashlar.core.reflect.Inspector;
import dev.ashlar.core.schema.CheckConstraint;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.ServerDefault;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.types.DatabaseEnumType;
import dev.ashlar.core.types.Types;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Database enums (a PostgreSQL enum type, MariaDB's ENUM, SQLite's CHECK (x IN (...)) on a column):
 * created from metadata, held by the database as its own enum, reflected back as the same
 * {@link DatabaseEnumType}, with an empty diff; and the same enums written by hand, as other tools
 * write them, reflect to that type too.
 */
class DatabaseEnumTest {
    private static final List<String> MOODS = List.of("happy", "sad", "it's complicated");

    @AllDatabases
    void enumColumnsRoundTripAndRefuseOtherValues(TestDatabase db) throws SQLException {
        MetaData md = new MetaData();
        Column<Integer> id = Column.of("id", integer()).primaryKey();
        Column<String> mood = Column.of("mood", Types.databaseEnum("mood", MOODS)).notNull().serverDefault(ServerDefault.literal("happy"));
        Table people = md.table("people", id, mood);
        md.table("pets", Column.of("id", integer()).primaryKey(), Column.of("mood", Types.databaseEnum("mood", MOODS)));
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, md);
            SchemaDdl.createAll(conn, md); // again: tables and the type exist, nothing is created twice
            MetaData reflected = Inspector.of(conn).reflect();
            DatabaseEnumType type = (DatabaseEnumType) reflected.get("people").column("mood").type();
            assertThat(type.values()).containsExactlyElementsOf(MOODS);
            assertThat(reflected.get("pets").column("mood").type()).isEqualTo(type);
            assertThat(reflected.get("people").checks()).extracting(CheckConstraint::sql).isEmpty();
            SchemaDiff diff = SchemaDiff.compare(reflected, md, conn.dialect());
            assertThat(diff.changes()).as(diff.toString()).isEmpty();

            conn.execute(insertInto(people).set(id, 1).set(mood, "it's complicated"));
            assertThat(conn.query(select(mood).from(people)).list()).extracting(r -> r.get(mood)).containsExactly("it's complicated");
            assertThatThrownBy(() -> conn.execute(insertInto(people).set(id, 2).set(mood, "angry"))).isInstanceOf(AshlarException.class);
        }
        assertThat(heldAsEnum(db, "people", "mood")).containsExactlyElementsOf(MOODS);
    }

    @AllDatabases
    void enumsWrittenByOtherToolsReflectAsDatabaseEnums(TestDatabase db) throws SQLException {
        try (java.sql.Connection c = db.openJdbc(); Statement s = c.createStatement()) {
            for (String sql : db.vendor().enumTableByAnotherTool()) {
                s.execute(sql);
            }
        }
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            MetaData reflected = Inspector.of(conn).reflect();
            Table lights = reflected.get("lights");
            assertThat(((DatabaseEnumType) lights.column("state").type()).values()).containsExactly("red", "amber", "green");
            // a CHECK on another column, or written as a table constraint, stays a CHECK
            assertThat(lights.column("note").type()).isNotInstanceOf(DatabaseEnumType.class);
            assertThat(lights.checks()).hasSize(1);
            assertThat(SchemaDiff.compare(reflected, reflected, conn.dialect()).changes()).isEmpty();
        }
    }

    /** The values the database itself keeps for the column's enum, read from its catalog. */
    private static List<String> heldAsEnum(TestDatabase db, String table, String column) throws SQLException {
        try (java.sql.Connection c = db.openJdbc()) {
            return db.vendor().enumValues(c, table, column);
        }
    }
}
