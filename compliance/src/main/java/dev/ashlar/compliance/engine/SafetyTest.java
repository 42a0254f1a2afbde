package dev.ashlar.compliance.engine;

import static dev.ashlar.core.sql.Sql.deleteFrom;
import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.sql.Sql.update;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.string;
import static dev.ashlar.core.types.Types.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.compliance.Capabilities;
import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.Row;
import dev.ashlar.core.engine.Tuple2;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.Blns;
import dev.ashlar.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Values are always bound, identifiers quoted where needed, raw SQL parameters found only where they are. */
class SafetyTest {
    @AllDatabases
    void reservedAndMixedCaseNamesWork(TestDatabase db) throws Exception {
        MetaData md = new MetaData();
        Column<Long> userId = Column.of("user", bigInteger()).primaryKey().autoincrement(false);
        Column<String> select = Column.of("select", string(20)).notNull().unique();
        Column<String> mixed = Column.of("Select Me", string(20));
        Table user = md.table("user", userId, select, mixed);
        Column<Long> orderId = Column.of("order", bigInteger()).primaryKey().autoincrement(false);
        Column<Long> orderUser = Column.of("From", bigInteger()).references(userId);
        Column<String> group = Column.of("Group", string(20));
        Table order = md.table("Order Lines", orderId, orderUser, group);
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(engine, md);
            conn.execute(insertInto(user).set(userId, 1L).set(select, "a").set(mixed, "x").nextRow().set(userId, 2L).set(select, "b").set(mixed, "y"));
            conn.execute(insertInto(order).set(orderId, 10L).set(orderUser, 1L).set(group, "g1"));
            conn.execute(insertInto(user).set(userId, 1L).set(select, "a").set(mixed, "upserted").onConflict(select).doUpdate(mixed));
            conn.execute(update(order).set(group, "g2").where(orderUser.eq(1L)));
            assertThat(conn.executeReturning(insertInto(order).set(orderId, 11L).set(orderUser, 2L).returning(orderId, orderUser)))
                    .extracting(r -> r.get(orderUser)).containsExactly(2L);
            assertThat(conn.query(select(mixed, select).from(user).orderBy(userId)).tuples(mixed, select))
                    .containsExactly(new Tuple2<>("upserted", "a"), new Tuple2<>("y", "b"));
            assertThat(conn.query(select(group).from(order).where(orderId.eq(10L))).one().get(group)).isEqualTo("g2");
            assertThat(conn.execute(deleteFrom(order).where(group.eq("g2")))).isEqualTo(1);
        }
        Dialect dialect = Capabilities.of(db);
        try (var jdbc = db.openJdbc(); var st = jdbc.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + dialect.quoteIdentifier("Select Me") + " FROM " + dialect.quoteIdentifier("user")
                     + " WHERE " + dialect.quoteIdentifier("select") + " = 'a'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("upserted");
        }
        try (var jdbc = db.openJdbc(); var st = jdbc.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + dialect.quoteIdentifier("Order Lines"))) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @AllDatabases
    void rawSqlBindsOnlyRealPlaceholders(TestDatabase db) {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            conn.executeSql("CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(200))");
            conn.sql("INSERT INTO notes (id, body) VALUES (:id, :body)", Map.of("id", 1, "body", "it's :body -- not a comment"));
            conn.sql("INSERT INTO notes (id, body) VALUES (:id, ':id stays text')", Map.of("id", 2));
            // the same name twice binds the same value twice
            Row row = conn.sql("SELECT body, ':x' AS literal FROM notes WHERE id = :id OR id = :id + 100 -- :ignored in a comment",
                    Map.of("id", 1)).one();
            assertThat(row.get("body")).isEqualTo("it's :body -- not a comment");
            assertThat(row.get("literal")).isEqualTo(":x");
            assertThat(conn.sql("SELECT body FROM notes WHERE id = :id /* :nope */", Map.of("id", 2)).one().get("body")).isEqualTo(":id stays text");
            if (conn.dialect().doubleColonCasts()) { // PostgreSQL's own cast syntax
                Row cast = conn.sql("SELECT :n::int + 1 AS n, ':t'::text AS t", Map.of("n", "41")).one();
                assertThat(((Number) cast.get("n")).intValue()).isEqualTo(42);
                assertThat(cast.get("t")).isEqualTo(":t");
            }
            if (conn.dialect().backslashEscapesInStrings()) {
                // a backslash escapes a quote in MariaDB string literals, so ':x' here is still inside the literal
                Row escaped = conn.sql("SELECT 'it\\'s :x' AS s, :v AS v", Map.of("v", 5)).one();
                assertThat(escaped.get("s")).isEqualTo("it's :x");
                assertThat(((Number) escaped.get("v")).intValue()).isEqualTo(5);
            }
        }
    }

    @AllDatabases
    void naughtyStringsRoundTripAndChangeNothingElse(TestDatabase db) throws Exception {
        List<String> naughty = Blns.storable();
        assertThat(naughty).hasSizeGreaterThan(400);
        MetaData md = new MetaData();
        Column<Long> id = Column.of("id", bigInteger()).primaryKey().autoincrement(false);
        Column<String> body = Column.of("body", text());
        Table strings = md.table("strings", id, body);
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(engine, md);
            conn.execute(insertInto(strings).set(id, 0L).set(body, "canary"));
            // one at a time, each in its own statement, so that one string cannot hide another's effect
            for (int i = 0; i < naughty.size(); i++) {
                String s = naughty.get(i);
                long key = i + 1;
                conn.execute(insertInto(strings).set(id, key).set(body, s));
                assertThat(conn.query(select(body).from(strings).where(id.eq(key))).one().get(body)).as("string %d", i).isEqualTo(s);
                // as a value in WHERE it finds exactly its own row
                assertThat(conn.query(select(id).from(strings).where(body.eq(s).and(id.eq(key)))).list()).as("string %d", i).hasSize(1);
                assertThat(conn.execute(update(strings).set(body, s).where(body.eq(s).and(id.eq(key))))).as("string %d", i).isEqualTo(1);
                assertThat(conn.execute(deleteFrom(strings).where(body.eq(s).and(id.eq(-key))))).as("string %d", i).isZero();
            }
            // and as parameters of raw SQL
            for (String s : naughty.subList(0, 50)) {
                assertThat(conn.sql("SELECT :s AS s", Map.of("s", s)).one().get("s")).isEqualTo(s);
            }
        }
        try (var jdbc = db.openJdbc()) {
            try (var st = jdbc.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM strings")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(naughty.size() + 1);
            }
            try (var st = jdbc.createStatement(); ResultSet rs = st.executeQuery("SELECT body FROM strings WHERE id = 0")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("canary");
            }
            List<String> mismatches = new ArrayList<>();
            try (PreparedStatement ps = jdbc.prepareStatement("SELECT id, body FROM strings WHERE id > 0 ORDER BY id"); ResultSet rs = ps.executeQuery()) {
                int i = 0;
                while (rs.next()) {
                    String expected = naughty.get(i++);
                    byte[] stored = rs.getString(2).getBytes(StandardCharsets.UTF_8);
                    if (!java.util.Arrays.equals(stored, expected.getBytes(StandardCharsets.UTF_8)) || rs.getLong(1) != i) {
                        mismatches.add(i + ": " + expected);
                    }
                }
                assertThat(i).isEqualTo(naughty.size());
            }
            assertThat(mismatches).isEmpty();
        }
    }
}
