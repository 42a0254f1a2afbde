package dev.ashlar.compliance.types;

import static dev.ashlar.core.types.Types.integer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.diff.EnumValueInUseException;
import dev.ashlar.core.diff.Safety;
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
import dev.ashlar.core.schema.TableElement;
import dev.ashlar.core.types.DatabaseEnumType;
import dev.ashlar.core.types.Types;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Database enums whose values change under the same name (a PostgreSQL enum type altered, MariaDB's
 * ENUM restated, SQLite's CHECK (x IN (...)) rebuilt): schema diff reports the change with its safety,
 * applies it keeping the rows, and leaves nothing to change; a value that rows still hold is not
 * removed; dropAll takes the types that createAll made with it.
 */
class DatabaseEnumChangeTest {
    /** people and pets, whose mood columns share one enum (one type on PostgreSQL). */
    private static MetaData schema(List<String> moods, String defaultMood) {
        MetaData md = new MetaData();
        md.table("people", Column.of("id", integer()).primaryKey(),
                Column.of("mood", Types.databaseEnum("mood", moods)).notNull().serverDefault(ServerDefault.literal(defaultMood)));
        md.table("pets", Column.of("id", integer()).primaryKey(), Column.of("mood", Types.databaseEnum("mood", moods)));
        return md;
    }

    @AllDatabases
    void valuesAddedAnywhereAreSafeKeepTheRowsAndCanBeUsedAtOnce(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, schema(List.of("happy", "sad"), "happy"));
            conn.executeSql("INSERT INTO people (id, mood) VALUES (1, 'happy'), (2, 'sad')");
            conn.executeSql("INSERT INTO pets (id, mood) VALUES (1, 'sad')");

            // a value before the first, one between, one at the end, and the new default uses a new value at once
            List<String> moods = List.of("calm", "happy", "content", "sad", "angry");
            MetaData target = schema(moods, "angry");
            SchemaDiff diff = SchemaDiff.compare(Inspector.of(conn).reflect(), target, conn.dialect());
            assertThat(diff.isEmpty()).isFalse();
            assertThat(diff.hasRisk()).as(diff.toString()).isFalse();
            assertThat(diff.toString()).contains("alter column people.mood: values ['happy', 'sad'] -> ['calm', 'happy', 'content', 'sad', 'angry']",
                    "alter column pets.mood: values ['happy', 'sad'] -> ['calm', 'happy', 'content', 'sad', 'angry']");

            MetaData before = Inspector.of(conn).reflect();
            diff.apply(conn);

            assertEmptyDiff(conn, target);
            // the database before and after, compared with each other, differ by the values (and the default) alone
            SchemaDiff databases = SchemaDiff.compare(before, Inspector.of(conn).reflect(), conn.dialect());
            assertThat(databases.isEmpty()).isFalse();
            assertThat(databases.toString()).contains("values ['happy', 'sad'] -> ['calm', 'happy', 'content', 'sad', 'angry']")
                    .doesNotContain("drop", "add ", "create");
            assertThat(values(conn, "people")).containsExactlyElementsOf(moods);
            assertThat(values(conn, "pets")).containsExactlyElementsOf(moods);
            conn.executeSql("INSERT INTO people (id) VALUES (3)");
            conn.executeSql("INSERT INTO pets (id, mood) VALUES (2, 'calm'), (3, 'content')");
            assertThat(moods(conn, "people")).containsExactly(Map.entry(1, "happy"), Map.entry(2, "sad"), Map.entry(3, "angry"));
            assertThat(moods(conn, "pets")).containsExactly(Map.entry(1, "sad"), Map.entry(2, "calm"), Map.entry(3, "content"));
            assertThatThrownBy(() -> conn.executeSql("INSERT INTO pets (id, mood) VALUES (4, 'bored')")).isInstanceOf(AshlarException.class);
        }
    }

    @AllDatabases
    void aValueThatRowsHoldIsNotRemovedAndNothingChanges(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, schema(List.of("happy", "sad", "angry"), "happy"));
            conn.executeSql("INSERT INTO people (id, mood) VALUES (1, 'sad'), (2, 'happy'), (3, 'sad')");
            conn.executeSql("INSERT INTO pets (id, mood) VALUES (1, 'angry')");

            // 'sad' and 'angry' go, 'calm' comes
            List<String> moods = List.of("happy", "calm");
            MetaData target = schema(moods, "happy");
            SchemaDiff diff = SchemaDiff.compare(Inspector.of(conn).reflect(), target, conn.dialect());
            assertThat(diff.changes()).isNotEmpty().allSatisfy(c -> assertThat(c.safety()).isEqualTo(Safety.DESTRUCTIVE));
            assertThat(diff.toString()).contains("values ['happy', 'sad', 'angry'] -> ['happy', 'calm']");

            assertThatThrownBy(() -> diff.apply(conn)).isInstanceOfSatisfying(EnumValueInUseException.class, e -> {
                assertThat(e.table()).isEqualTo("people");
                assertThat(e.column()).isEqualTo("mood");
                assertThat(e.rows()).containsExactly(Map.entry("sad", 2L));
                assertThat(e.getMessage()).contains("'sad' (held by 2 row(s)) from the enum of people.mood", "Nothing was changed");
            });
            // nothing changed: the old values are still the database's, and the rows are as they were
            assertThat(values(conn, "people")).containsExactly("happy", "sad", "angry");
            assertThat(values(conn, "pets")).containsExactly("happy", "sad", "angry");
            conn.executeSql("INSERT INTO pets (id, mood) VALUES (2, 'sad')");
            assertThatThrownBy(() -> conn.executeSql("INSERT INTO pets (id, mood) VALUES (3, 'calm')")).isInstanceOf(AshlarException.class);
            assertThat(SchemaDiff.compare(Inspector.of(conn).reflect(), target, conn.dialect()).changes()).hasSameSizeAs(diff.changes());

            conn.executeSql("UPDATE people SET mood = 'happy' WHERE mood = 'sad'");
            conn.executeSql("DELETE FROM pets WHERE id = 2");
            assertThatThrownBy(() -> diff.apply(conn)).isInstanceOfSatisfying(EnumValueInUseException.class, e -> {
                assertThat(e.table()).isEqualTo("pets");
                assertThat(e.rows()).containsExactly(Map.entry("angry", 1L));
            });

            conn.executeSql("UPDATE pets SET mood = NULL");
            diff.apply(conn);
            assertEmptyDiff(conn, target);
            assertThat(values(conn, "people")).containsExactlyElementsOf(moods);
            assertThat(moods(conn, "people")).containsExactly(Map.entry(1, "happy"), Map.entry(2, "happy"), Map.entry(3, "happy"));
            assertThat(moods(conn, "pets")).containsExactly(Map.entry(1, "null"));
            conn.executeSql("INSERT INTO pets (id, mood) VALUES (2, 'calm')");
            assertThatThrownBy(() -> conn.executeSql("INSERT INTO pets (id, mood) VALUES (3, 'sad')")).isInstanceOf(AshlarException.class);
            assertThatThrownBy(() -> conn.executeSql("INSERT INTO people (id, mood) VALUES (4, 'angry')")).isInstanceOf(AshlarException.class);
        }
    }

    @AllDatabases
    void reorderedValuesAreSafeAndKeepTheRows(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, schema(List.of("happy", "sad", "angry"), "sad"));
            conn.executeSql("INSERT INTO people (id) VALUES (1)");
            conn.executeSql("INSERT INTO people (id, mood) VALUES (2, 'angry')");
            List<String> moods = List.of("angry", "happy", "sad");
            MetaData target = schema(moods, "sad");
            SchemaDiff diff = SchemaDiff.compare(Inspector.of(conn).reflect(), target, conn.dialect());
            assertThat(diff.isEmpty()).isFalse();
            assertThat(diff.hasRisk()).as(diff.toString()).isFalse();
            diff.apply(conn);
            assertEmptyDiff(conn, target);
            assertThat(values(conn, "people")).containsExactlyElementsOf(moods);
            conn.executeSql("INSERT INTO people (id) VALUES (3)");
            assertThat(moods(conn, "people")).containsExactly(Map.entry(1, "sad"), Map.entry(2, "angry"), Map.entry(3, "sad"));
        }
    }

    @AllDatabases
    void dropAllTakesTheTypesItMadeAndLeavesThoseOthersUse(TestDatabase db) throws Exception {
        MetaData diary = new MetaData();
        diary.table("diary", Column.of("id", integer()).primaryKey(), Column.of("mood", Types.databaseEnum("mood", List.of("happy", "sad"))),
                Column.of("weather", Types.databaseEnum("weather", List.of("sun", "rain"))));
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            MetaData people = schema(List.of("happy", "sad"), "happy");
            SchemaDdl.createAll(conn, people);
            SchemaDdl.createAll(conn, diary);
            Inspector inspector = Inspector.of(conn);
            // the catalog lists the types that the columns name: mood and weather where enums are types of their own
            assertThat(inspector.enumTypes()).containsExactlyElementsOf(typeNames(inspector.reflect()));

            SchemaDdl.dropAll(conn, people);
            assertThat(inspector.tableNames()).containsExactly("diary");
            // the diary's mood type stays: the diary still takes and refuses the same values
            conn.executeSql("INSERT INTO diary (id, mood, weather) VALUES (1, 'sad', 'rain')");
            assertThatThrownBy(() -> conn.executeSql("INSERT INTO diary (id, mood) VALUES (2, 'calm')")).isInstanceOf(AshlarException.class);
            assertThat(inspector.enumTypes()).containsExactlyElementsOf(typeNames(inspector.reflect()));

            SchemaDdl.dropAll(conn, diary);
            assertThat(inspector.tableNames()).isEmpty();
            assertThat(inspector.enumTypes()).isEmpty();
            assertThat(inspector.views()).isEmpty();

            // created again with other values, the tables get those values, not a leftover type's
            MetaData again = schema(List.of("calm", "content"), "calm");
            SchemaDdl.createAll(conn, again);
            assertThat(values(conn, "people")).containsExactly("calm", "content");
            assertEmptyDiff(conn, again);
            SchemaDdl.dropAll(conn, again);
            assertThat(inspector.tableNames()).isEmpty();
            assertThat(inspector.enumTypes()).isEmpty();
        }
    }

    @AllDatabases
    void dropStatementsDropTheTypesAfterTheTables(TestDatabase db) throws Exception {
        MetaData md = schema(List.of("happy", "sad"), "happy");
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createStatements(md, conn.dialect()).forEach(conn::executeSql);
            SchemaDdl.dropStatements(md, conn.dialect()).forEach(conn::executeSql);
            assertThat(Inspector.of(conn).tableNames()).isEmpty();
            assertThat(Inspector.of(conn).enumTypes()).isEmpty();
        }
    }

    /**
     * An enum column written by hand with a second CHECK in its own definition, which MariaDB drops
     * silently when it restates the column: the new values apply, and the CHECK still holds.
     */
    @AllDatabases
    void aCheckInsideTheEnumColumnSurvivesNewValues(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            db.vendor().enumWithColumnCheck("moods", List.of("happy", "sad")).forEach(conn::executeSql);
            conn.executeSql("INSERT INTO moods (id, mood) VALUES (1, 'happy')");
            Table current = Inspector.of(conn).reflect().get("moods");
            DatabaseEnumType was = (DatabaseEnumType) current.column("mood").type();
            assertThat(current.checks()).hasSize(1);
            List<TableElement> elements = new ArrayList<>();
            for (Column<?> c : current.columns()) {
                elements.add(c.name().equals("mood") ? Column.of("mood", Types.databaseEnum(was.name(), List.of("happy", "sad", "calm"))).notNull()
                        : c.copy(c.name()));
            }
            current.checks().forEach(ck -> elements.add(new CheckConstraint(ck.name(), ck.label(), ck.sql())));
            MetaData target = new MetaData();
            target.table("moods", elements.toArray(TableElement[]::new));

            SchemaDiff diff = SchemaDiff.compare(Inspector.of(conn).reflect(), target, conn.dialect());
            assertThat(diff.changes()).as(diff.toString()).singleElement()
                    .satisfies(c -> assertThat(c.describe()).contains("values ['happy', 'sad'] -> ['happy', 'sad', 'calm']"));
            diff.apply(conn);
            assertEmptyDiff(conn, target);
            conn.executeSql("INSERT INTO moods (id, mood) VALUES (2, 'calm')");
            assertThatThrownBy(() -> conn.executeSql("INSERT INTO moods (id, mood) VALUES (3, 'sad')")).isInstanceOf(AshlarException.class);
            assertThatThrownBy(() -> conn.executeSql("INSERT INTO moods (id, mood) VALUES (4, 'bored')")).isInstanceOf(AshlarException.class);
            assertThat(moods(conn, "moods")).containsExactly(Map.entry(1, "happy"), Map.entry(2, "calm"));
        }
    }

    /**
     * Random evolutions, seeded so that a failure repeats: values added anywhere, removed (from rows
     * that no longer hold them), reordered, with quotes, spaces and non-ASCII letters in them. Each
     * diff applies, keeps the rows, and leaves nothing to change.
     */
    @AllDatabases
    void randomEvolutionsApplyKeepTheRowsAndLeaveNothingToChange(TestDatabase db) throws Exception {
        List<String> pool = List.of("a", "b", "it's", "with space", "ünï", "100%", "back\\slash", "Z", "zz", "x-y");
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            for (int seed = 0; seed < 12; seed++) {
                java.util.Random r = new java.util.Random(seed);
                List<String> before = pick(r, pool);
                List<String> after = pick(r, pool);
                MetaData current = schema(before, before.get(0));
                SchemaDdl.createAll(conn, current);
                List<String> kept = before.stream().filter(after::contains).toList();
                for (int i = 0; i < kept.size(); i++) {
                    conn.executeSql("INSERT INTO pets (id, mood) VALUES (" + (i + 1) + ", " + conn.dialect().stringLiteral(kept.get(i)) + ")");
                }
                MetaData target = schema(after, after.get(0));
                SchemaDiff diff = SchemaDiff.compare(Inspector.of(conn).reflect(), target, conn.dialect());
                String what = "seed " + seed + ": " + before + " -> " + after + "\n" + diff;
                assertThat(diff.isEmpty()).as(what).isEqualTo(before.equals(after));
                assertThat(diff.changes()).as(what).allSatisfy(c -> assertThat(c.safety())
                        .isEqualTo(after.containsAll(before) ? Safety.SAFE : Safety.DESTRUCTIVE));
                diff.apply(conn);
                SchemaDiff left = SchemaDiff.compare(Inspector.of(conn).reflect(), target, conn.dialect());
                assertThat(left.changes()).as(what + "\nleft:\n" + left).isEmpty();
                assertThat(values(conn, "pets")).as(what).containsExactlyElementsOf(after);
                assertThat(moods(conn, "pets")).as(what).extracting(Map.Entry::getValue).containsExactlyElementsOf(kept);
                SchemaDdl.dropAll(conn, target);
                assertThat(Inspector.of(conn).enumTypes()).as(what).isEmpty();
            }
        }
    }

    /** One to five distinct values of {@code pool}, in a random order. */
    private static List<String> pick(java.util.Random r, List<String> pool) {
        List<String> shuffled = new java.util.ArrayList<>(pool);
        java.util.Collections.shuffle(shuffled, r);
        return List.copyOf(shuffled.subList(0, 1 + r.nextInt(5)));
    }

    private static void assertEmptyDiff(Connection conn, MetaData target) {
        SchemaDiff after = SchemaDiff.compare(Inspector.of(conn).reflect(), target, conn.dialect());
        assertThat(after.changes()).as(after.toString()).isEmpty();
    }

    /** The values of the table's mood column, as reflection reads them from the catalog. */
    private static List<String> values(Connection conn, String table) {
        return ((DatabaseEnumType) Inspector.of(conn).reflect(List.of(table)).get(table).column("mood").type()).values();
    }

    /** id to mood, in id order, as the database returns them. */
    private static List<Map.Entry<Integer, String>> moods(Connection conn, String table) {
        return conn.sql("SELECT id, mood FROM " + conn.dialect().quoteIdentifier(table) + " ORDER BY id", Map.of()).list().stream()
                .map(r -> Map.entry(((Number) r.get(0)).intValue(), String.valueOf(r.get(1)))).toList();
    }

    /** The names of the enum types that the reflected columns use, sorted (none where enums have no name of their own). */
    private static List<String> typeNames(MetaData reflected) {
        return reflected.tables().stream().flatMap(t -> t.columns().stream()).map(Column::type)
                .filter(t -> t instanceof DatabaseEnumType).map(t -> ((DatabaseEnumType) t).name()).filter(Objects::nonNull)
                .distinct().sorted().toList();
    }
}
