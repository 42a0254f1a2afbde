package dev.ashlar.compliance.types;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.types.JsonTreeType;
import dev.ashlar.core.types.Types;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.sql.ResultSet;

/** JSON as a Jackson tree (a mapped type over json()) round-trips on every database. */
class JsonTreeTypeTest {
    @AllDatabases
    void treesRoundTrip(TestDatabase db) throws Exception {
        MetaData md = new MetaData();
        Column<Integer> id = Column.of("id", Types.integer()).primaryKey();
        Column<JsonNode> doc = Column.of("doc", JsonTreeType.jsonTree());
        Table docs = md.table("docs", id, doc);
        JsonNode tree = new ObjectMapper().readTree("{\"name\":\"Widget\",\"tags\":[\"a\",\"b\"],\"price\":10.50,\"nested\":{\"ok\":true}}");
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, md);
            conn.execute(insertInto(docs).set(id, 1).set(doc, tree));
            conn.execute(insertInto(docs).set(id, 2).set(doc, (JsonNode) null));
            var rows = conn.query(select(id, doc).from(docs).orderBy(id)).list();
            assertThat(rows.get(0).get(doc)).isEqualTo(tree);
            assertThat(rows.get(1).get(doc)).isNull();
        }
        try (var c = db.openJdbc(); var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT doc FROM docs WHERE id = 1")) {
            rs.next();
            assertThat(new ObjectMapper().readTree(rs.getString(1))).isEqualTo(tree);
        }
    }
}
