package dev.ashlar.compliance.engine;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.sql.Sql.selectFrom;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.dateTime;
import static dev.ashlar.core.types.Types.numeric;
import static dev.ashlar.core.types.Types.string;
import static dev.ashlar.core.types.Types.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.Row;
import dev.ashlar.core.engine.Transaction;
import dev.ashlar.core.error.NotNullViolationException;
import dev.ashlar.core.error.UniqueViolationException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The Item example end to end on each database: create, insert, query, check what the database holds. */
class EngineRoundTripTest {
    record Schema(MetaData metadata, Table items, Column<Long> id, Column<String> name, Column<String> description,
                  Column<BigDecimal> price, Column<LocalDateTime> createdAt) {
        static Schema define() {
            MetaData md = new MetaData();
            Column<Long> id = Column.of("id", bigInteger()).primaryKey().index();
            Column<String> name = Column.of("name", string()).notNull().unique();
            Column<String> description = Column.of("description", text());
            Column<BigDecimal> price = Column.of("price", numeric(10, 2)).notNull();
            Column<LocalDateTime> createdAt = Column.of("created_at", dateTime())
                    .defaultValue(() -> LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
            Table items = md.table("items", id, name, description, price, createdAt);
            return new Schema(md, items, id, name, description, price, createdAt);
        }
    }

    @AllDatabases
    void insertsAndQueriesItems(TestDatabase db) throws Exception {
        Schema s = Schema.define();
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, s.metadata());
            SchemaDdl.createAll(engine, s.metadata()); // a second run skips what exists
            try (Connection conn = engine.connect()) {
                try (Transaction tx = conn.begin()) {
                    Row key = conn.insertReturning(insertInto(s.items()).set(s.name(), "Widget").set(s.price(), new BigDecimal("9.99")));
                    assertThat(key.get(s.id())).isPositive();
                    conn.execute(insertInto(s.items()).set(s.name(), "Gadget").set(s.price(), new BigDecimal("24.50")).set(s.description(), "shiny"));
                    tx.commit();
                }
                List<Row> cheap = conn.query(select(s.name(), s.price()).from(s.items()).where(s.price().lt(new BigDecimal("20"))).orderBy(s.name())).list();
                assertThat(cheap).hasSize(1);
                assertThat(cheap.get(0).get(s.name())).isEqualTo("Widget");
                assertThat(cheap.get(0).get(s.price())).isEqualTo(new BigDecimal("9.99"));
                Row gadget = conn.query(selectFrom(s.items()).where(s.name().eq("Gadget"))).one();
                assertThat(gadget.get(s.price()).toPlainString()).isEqualTo("24.50");
                assertThat(gadget.get(s.createdAt())).isCloseTo(LocalDateTime.now(ZoneOffset.UTC), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));

                assertThatThrownBy(() -> conn.execute(insertInto(s.items()).set(s.name(), "Widget").set(s.price(), BigDecimal.ONE)))
                        .isInstanceOf(UniqueViolationException.class).hasMessageContaining("Widget");
                assertThatThrownBy(() -> conn.execute(insertInto(s.items()).set(s.name(), "Nothing")))
                        .isInstanceOf(NotNullViolationException.class);

                try (Transaction tx = conn.begin()) {
                    conn.execute(insertInto(s.items()).set(s.name(), "Rolled back").set(s.price(), BigDecimal.TEN));
                }
            }
            try (var jdbc = db.openJdbc(); var st = jdbc.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM items")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
    }
}
