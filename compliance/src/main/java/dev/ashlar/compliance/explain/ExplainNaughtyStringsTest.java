package dev.ashlar.compliance.explain;

import static dev.ashlar.core.explain.PlanAssertions.assertUsesIndex;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.types.Types.integer;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.Ashlar;
import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.explain.QueryPlan;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Select;
import dev.ashlar.core.sql.TableAlias;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.Blns;
import dev.ashlar.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * EXPLAIN of a lookup on every naughty string: whatever the database prints of the string inside
 * its plan (MariaDB writes {@code 'D\'Angelo'} inside its JSON), the plan is read and gets a verdict,
 * and the plan assertions work.
 */
class ExplainNaughtyStringsTest {
    @AllDatabases
    void explainsALookupOnEveryNaughtyString(TestDatabase db) {
        MetaData md = new MetaData();
        Column<Integer> id = Column.of("id", integer()).primaryKey();
        Column<String> name = Column.of("name", string(100)).notNull().index();
        Column<String> note = Column.of("note", string(100));
        Table people = md.table("people", id, name, note);
        try (Engine engine = Ashlar.createEngine(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, md);
            List<Map<Column<?>, Object>> rows = new ArrayList<>();
            for (int i = 1; i <= 3_000; i++) {
                rows.add(Map.of(id, i, name, "person-" + i, note, "n" + (i % 7)));
            }
            conn.execute(dev.ashlar.core.sql.Sql.insertInto(people).values(rows));
            conn.executeSql(conn.dialect().analyzeSql("people"));

            List<String> strings = new ArrayList<>(Blns.storable());
            strings.add("D'Angelo");
            strings.add("back\\slash 'quoted' \"double\" \\' \\\\'");
            TableAlias p = people.as("p");
            int explained = 0;
            for (String s : strings) {
                // The index finds the rows by name; the note condition is what the plan shows as text.
                Select lookup = select(p.col(id)).from(p).where(p.col(name).eq(s).and(p.col(note).eq(s)));
                QueryPlan plan = assertUsesIndex(conn, lookup, "ix_people_name");
                assertThat(plan.verdict()).as(s).isEqualTo("uses index ix_people_name on people");
                assertThat(plan.hasFullScan()).as(plan.render()).isFalse();
                explained++;
            }
            assertThat(explained).isEqualTo(strings.size()).isGreaterThan(400);
        }
    }
}
