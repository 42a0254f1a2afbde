package dev.ashlar.core.engine;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.dateTime;
import static dev.ashlar.core.types.Types.integer;
import static dev.ashlar.core.types.Types.numeric;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.error.AshlarException;
import dev.ashlar.core.error.NoResultException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

/** Taking rows as lists, single rows, tuples and records. */
class ResultsTest {
    record Item(long id, String sku, BigDecimal price, Integer stock, LocalDateTime createdAt) {
    }

    record Narrow(int id, String sku) {
    }

    record Missing(long id, String colour) {
    }

    private final MetaData metadata = new MetaData();
    private final Column<Long> id = Column.of("id", bigInteger()).primaryKey();
    private final Column<String> sku = Column.of("sku", string(20)).notNull();
    private final Column<BigDecimal> price = Column.of("price", numeric(10, 2)).notNull();
    private final Column<Integer> stock = Column.of("stock", integer());
    private final Column<LocalDateTime> createdAt = Column.of("created_at", dateTime()).notNull();
    private final Table items = metadata.table("items", id, sku, price, stock, createdAt);
    private static final LocalDateTime T = LocalDateTime.of(2024, 2, 29, 12, 30, 15);

    private Connection setUp(Engine engine) {
        SchemaDdl.createAll(engine, metadata);
        Connection conn = engine.connect();
        conn.execute(insertInto(items).set(id, 1L).set(sku, "A").set(price, new BigDecimal("1.50")).set(stock, 3).set(createdAt, T)
                .nextRow().set(id, 2L).set(sku, "B").set(price, new BigDecimal("2.50")).set(stock, (Integer) null).set(createdAt, T.plusDays(1)));
        return conn;
    }

    @AllDatabases
    void mapsRowsIntoRecordsAndTuples(TestDatabase db) {
        try (Engine engine = Engine.create(db.url()); Connection conn = setUp(engine)) {
            List<Item> all = conn.query(select(id, sku, price, stock, createdAt).from(items).orderBy(id)).into(Item.class);
            assertThat(all).containsExactly(
                    new Item(1, "A", new BigDecimal("1.50"), 3, T),
                    new Item(2, "B", new BigDecimal("2.50"), null, T.plusDays(1)));
            // components matched by name, not position; a BIGINT column fits an int component exactly
            assertThat(conn.query(select(sku, id).from(items).orderBy(id)).into(Narrow.class))
                    .containsExactly(new Narrow(1, "A"), new Narrow(2, "B"));
            try (Stream<Item> stream = conn.query(select(id, sku, price, stock, createdAt).from(items).orderBy(id.desc())).streamInto(Item.class)) {
                assertThat(stream.map(Item::sku)).containsExactly("B", "A");
            }
            assertThatThrownBy(() -> conn.query(select(id, sku).from(items)).into(Missing.class))
                    .isInstanceOf(AshlarException.class).hasMessageContaining("colour").hasMessageContaining("sku");
            record PrimitiveStock(long id, int stock) {
            }
            assertThatThrownBy(() -> conn.query(select(id, stock).from(items).where(id.eq(2L))).into(PrimitiveStock.class))
                    .isInstanceOf(AshlarException.class).hasMessageContaining("stock").hasMessageContaining("NULL");

            assertThat(conn.query(select(sku, price).from(items).orderBy(id)).tuples(sku, price))
                    .containsExactly(new Tuple2<>("A", new BigDecimal("1.50")), new Tuple2<>("B", new BigDecimal("2.50")));
            Tuple3<Long, String, Integer> t = conn.query(select(id, sku, stock).from(items).where(id.eq(1L))).one().tuple(id, sku, stock);
            assertThat(t).isEqualTo(new Tuple3<>(1L, "A", 3));
        }
    }

    @AllDatabases
    void mapValuesHandsEachRowsValuesInSelectOrder(TestDatabase db) {
        try (Engine engine = Engine.create(db.url()); Connection conn = setUp(engine)) {
            List<Object[]> rows = conn.query(select(price, sku, createdAt, stock).from(items).orderBy(id)).mapValues(values -> values);
            assertThat(rows).hasSize(2);
            // each value read through its column's codec, so typed as the column says on every database
            assertThat((BigDecimal) rows.get(0)[0]).isEqualByComparingTo("1.50");
            assertThat(rows.get(0)[1]).isEqualTo("A");
            assertThat(rows.get(0)[2]).isEqualTo(T);
            assertThat(rows.get(0)[3]).isEqualTo(3);
            assertThat(rows.get(1)).containsExactly(rows.get(1)[0], "B", T.plusDays(1), null);
            assertThat(rows.get(0)).isNotSameAs(rows.get(1));
            assertThat(conn.openResults()).isZero();
        }
    }

    @AllDatabases
    void firstOneAndList(TestDatabase db) {
        try (Engine engine = Engine.create(db.url()); Connection conn = setUp(engine)) {
            assertThat(conn.query(select(sku).from(items).orderBy(id)).list()).extracting(r -> r.get(sku)).containsExactly("A", "B");
            assertThat(conn.query(select(sku).from(items).orderBy(id.desc())).first().get(sku)).isEqualTo("B");
            assertThat(conn.query(select(sku).from(items).where(id.eq(99L))).first()).isNull();
            assertThat(conn.query(select(sku).from(items).where(id.eq(1L))).one().get(sku)).isEqualTo("A");
            assertThatThrownBy(() -> conn.query(select(sku).from(items).where(id.eq(99L))).one())
                    .isInstanceOf(NoResultException.class).hasMessageContaining("none");
            assertThatThrownBy(() -> conn.query(select(sku).from(items)).one())
                    .isInstanceOf(NoResultException.class).hasMessageContaining("more");
            assertThat(conn.query(select(sku).from(items).where(id.eq(99L))).list()).isEmpty();
            assertThat(conn.openResults()).isZero();
        }
    }
}
