package dev.ashlar.compliance.explain;

import static dev.ashlar.core.explain.PlanAssertions.assertNoFullScan;
import static dev.ashlar.core.explain.PlanAssertions.assertUsesIndex;
import static dev.ashlar.core.sql.Sql.selectFrom;
import static dev.ashlar.core.types.Types.integer;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.Ashlar;
import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Select;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The test-assertion form of EXPLAIN, on statements built with the query language. */
class PlanAssertionsTest {
    @AllDatabases
    void assertsIndexUseOnBuiltQueries(TestDatabase db) {
        MetaData md = new MetaData();
        Column<Integer> id = Column.of("id", integer()).primaryKey();
        Column<String> name = Column.of("name", string(100)).notNull().index();
        Column<String> note = Column.of("note", string(100));
        Table items = md.table("items", id, name, note);
        try (Engine engine = Ashlar.createEngine(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, md);
            var insert = dev.ashlar.core.sql.Sql.insertInto(items);
            List<Map<Column<?>, Object>> rows = new ArrayList<>();
            for (int i = 1; i <= 5_000; i++) {
                rows.add(Map.of(id, i, name, "item-" + i, note, "n" + (i % 7)));
            }
            conn.execute(insert.values(rows));
            conn.executeSql(conn.dialect().analyzeSql("items"));

            Select byName = selectFrom(items).where(name.eq("item-777"));
            assertThat(assertUsesIndex(engine, byName, "ix_items_name").verdict()).contains("ix_items_name");
            assertNoFullScan(conn, byName);

            Select byNote = selectFrom(items).where(note.eq("n3"));
            assertThatThrownBy(() -> assertNoFullScan(conn, byNote))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("full scan of items");
            assertThatThrownBy(() -> assertUsesIndex(conn, byNote, "ix_items_name"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("ix_items_name");
        }
    }
}
