package dev.ashlar.orm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.declarative.Id;
import dev.ashlar.declarative.Length;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.ModelRegistry;
import dev.ashlar.declarative.Numeric;
import dev.ashlar.declarative.Required;
import dev.ashlar.declarative.DatabaseDefault;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * New rows of one table go out as one multi-row INSERT even when some nullable fields are null:
 * those are written as explicit NULLs, while columns with a server default stay out of the
 * statement so that the database fills them in.
 */
class SessionInsertShapeTest {
    static final ModelRegistry REGISTRY = new ModelRegistry(new MetaData());

    static {
        REGISTRY.of(Gadget.class);
    }

    @Model(table = "gadget")
    static class Gadget {
        @Id Long id;
        @Required @Length(40) String name;
        @Length(200) String description;
        @Numeric(precision = 10, scale = 2) BigDecimal price;
        @DatabaseDefault("new") @Length(10) String state;

        Gadget() {
        }

        Gadget(String name, String description, String price) {
            this.name = name;
            this.description = description;
            this.price = price == null ? null : new BigDecimal(price);
        }
    }

    private static List<String> inserts(Session session, int from) {
        List<String> sent = session.statements();
        return sent.subList(from, sent.size()).stream().filter(s -> s.startsWith("INSERT")).toList();
    }

    @AllDatabases
    void rowsWithANullDescriptionShareOneMultiRowInsert(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, REGISTRY.metadata());
            List<Gadget> gadgets = List.of(new Gadget("Widget", "a small widget", "9.99"), new Gadget("Sprocket", null, "4.50"),
                    new Gadget("Gear", "a gear", null), new Gadget("Bolt", "a bolt", "0.25"));
            try (Session session = Session.open(engine, SessionOptions.strict().registry(REGISTRY))) {
                session.addAll(gadgets);
                int before = session.statements().size();
                session.flush();
                assertThat(inserts(session, before)).as("one multi-row INSERT ... RETURNING for all four rows").hasSize(1);
                for (Gadget g : gadgets) {
                    assertThat(g.id).isNotNull();
                    assertThat(g.state).as("the server default came back").isEqualTo("new");
                }
                session.commit();
            }
            List<String> rows = new ArrayList<>();
            try (Connection c = db.openJdbc(); ResultSet rs = c.createStatement().executeQuery(
                    "SELECT id, name, description, price, state FROM gadget ORDER BY id")) {
                while (rs.next()) {
                    rows.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|"
                            + (rs.getBigDecimal(4) == null ? null : rs.getBigDecimal(4).setScale(2, RoundingMode.UNNECESSARY).toPlainString()) + "|" + rs.getString(5));
                }
            }
            assertThat(rows).containsExactly(
                    gadgets.get(0).id + "|Widget|a small widget|9.99|new",
                    gadgets.get(1).id + "|Sprocket|null|4.50|new",
                    gadgets.get(2).id + "|Gear|a gear|null|new",
                    gadgets.get(3).id + "|Bolt|a bolt|0.25|new");
        }
    }

    @AllDatabases
    void manyRowsGoOutInChunksOfAThousandEachRowWithItsOwnValuesAndKey(TestDatabase db) throws Exception {
        List<Gadget> gadgets = new ArrayList<>();
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, REGISTRY.metadata());
            for (int round = 0; round < 2; round++) {
                // two flushes: the second reuses the statements compiled for the first
                List<Gadget> batch = new ArrayList<>();
                for (int i = 0; i < 2_345; i++) {
                    batch.add(new Gadget("g" + round + "-" + i, i % 2 == 0 ? null : "odd", i % 3 == 0 ? null : i + ".25"));
                }
                try (Session session = Session.open(engine, SessionOptions.strict().registry(REGISTRY))) {
                    session.addAll(batch);
                    int before = session.statements().size();
                    session.commit();
                    assertThat(inserts(session, before)).as("chunks of 1,000, 1,000 and 345 rows").hasSize(3);
                }
                gadgets.addAll(batch);
            }
            assertThat(gadgets.stream().map(g -> g.id).distinct().count()).isEqualTo(4_690);
            try (Session session = Session.open(engine, SessionOptions.strict().registry(REGISTRY))) {
                Gadget read = session.get(Gadget.class, gadgets.get(2_344).id);
                assertThat(read.name).isEqualTo("g0-2344");
                assertThat(read.price).isEqualByComparingTo("2344.25");
                assertThat(session.get(Gadget.class, gadgets.get(4_689).id).name).isEqualTo("g1-2344");
            }
        }
        try (Connection c = db.openJdbc(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT id, name, description, price, state FROM gadget")) {
            int rows = 0;
            java.util.Map<Long, Gadget> byId = new java.util.HashMap<>();
            gadgets.forEach(g -> byId.put(g.id, g));
            while (rs.next()) {
                Gadget g = byId.get(rs.getLong(1));
                assertThat(rs.getString(2)).isEqualTo(g.name);
                assertThat(rs.getString(3)).isEqualTo(g.description);
                assertThat(rs.getBigDecimal(4) == null ? null : rs.getBigDecimal(4).setScale(2).toPlainString())
                        .isEqualTo(g.price == null ? null : g.price.setScale(2).toPlainString());
                assertThat(rs.getString(5)).isEqualTo("new");
                rows++;
            }
            assertThat(rows).isEqualTo(4_690);
        }
    }

    @AllDatabases
    void aGivenServerDefaultValueStillGoesOutInItsOwnStatement(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, REGISTRY.metadata());
            Gadget plain = new Gadget("Widget", null, "1.00");
            Gadget given = new Gadget("Gear", null, "2.00");
            given.state = "used";
            try (Session session = Session.open(engine, SessionOptions.strict().registry(REGISTRY))) {
                session.addAll(List.of(plain, given));
                int before = session.statements().size();
                session.commit();
                assertThat(inserts(session, before)).as("the state column is left out of one row only").hasSize(2);
            }
            try (Session session = Session.open(engine, SessionOptions.strict().registry(REGISTRY))) {
                assertThat(session.get(Gadget.class, plain.id).state).isEqualTo("new");
                assertThat(session.get(Gadget.class, given.id).state).isEqualTo("used");
                assertThat(session.get(Gadget.class, given.id).description).isNull();
            }
        }
    }
}
