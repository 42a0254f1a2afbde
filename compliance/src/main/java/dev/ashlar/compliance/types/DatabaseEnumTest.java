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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
            switch (db.kind()) {
                case POSTGRESQL -> {
                    s.execute("CREATE TYPE \"Traffic Light\" AS ENUM ('red', 'amber', 'green')");
                    s.execute("CREATE TABLE lights (id INT PRIMARY KEY, state \"Traffic Light\" NOT NULL, note VARCHAR(10) CHECK (note IN ('a', 'b')))");
                }
                case MARIADB -> s.execute("CREATE TABLE lights (id INT PRIMARY KEY, state ENUM('red', 'amber', 'green') NOT NULL,"
                        + " note VARCHAR(10) CHECK (note IN ('a', 'b')))");
                case SQLITE -> s.execute("CREATE TABLE lights (id INTEGER PRIMARY KEY, state TEXT NOT NULL CHECK (state IN ('red', 'amber', 'green')),"
                        + " note VARCHAR(10), CHECK (note IN ('a', 'b')))");
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
        String sql = switch (db.kind()) {
            case POSTGRESQL -> "SELECT e.enumlabel FROM pg_attribute a JOIN pg_enum e ON e.enumtypid = a.atttypid"
                    + " WHERE a.attrelid = '" + table + "'::regclass AND a.attname = '" + column + "' ORDER BY e.enumsortorder";
            case MARIADB -> "SELECT column_type FROM information_schema.columns WHERE table_schema = DATABASE()"
                    + " AND table_name = '" + table + "' AND column_name = '" + column + "'";
            case SQLITE -> "SELECT sql FROM sqlite_master WHERE name = '" + table + "'";
        };
        List<String> out = new ArrayList<>();
        try (java.sql.Connection c = db.openJdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        if (out.size() == 1) {
            // MariaDB's column type, enum('happy',...), or SQLite's CREATE TABLE text from its CHECK ("mood" IN (...)) on
            String text = out.get(0);
            List<String> values = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("'((?:[^']|'')*)'").matcher(text.substring(text.indexOf(" IN ") < 0
                    ? text.indexOf('(') : text.indexOf(" IN ")));
            while (m.find()) {
                values.add(m.group(1).replace("''", "'"));
            }
            return values;
        }
        return out;
    }
}
