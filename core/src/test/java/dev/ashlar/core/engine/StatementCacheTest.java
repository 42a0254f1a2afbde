package dev.ashlar.core.engine;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.sql.Sql.update;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.numeric;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.dialect.StatementCaching;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.util.List;

/**
 * Prepared statements reused across queries and borrowings of one pooled connection, without mixing
 * results, by Ashlar or by the driver as the dialect declares ({@link StatementCaching}).
 */
class StatementCacheTest {
    private final MetaData md = new MetaData();
    private final Column<Long> id = Column.of("id", bigInteger()).primaryKey();
    private final Column<String> name = Column.of("name", string(40)).notNull();
    private final Column<BigDecimal> price = Column.of("price", numeric(10, 2)).notNull();
    private final Table parts = md.table("cache_parts", id, name, price);

    private void fill(Engine engine) {
        SchemaDdl.createAll(engine, md);
        try (Connection conn = engine.connect()) {
            var insert = insertInto(parts);
            for (long i = 1; i <= 50; i++) {
                if (i > 1) {
                    insert = insert.nextRow();
                }
                insert = insert.set(id, i).set(name, "part-" + i).set(price, BigDecimal.valueOf(i * 100 + 5, 2));
            }
            conn.execute(insert);
        }
    }

    @AllDatabases
    void aStatementPreparedByOneBorrowerServesTheNextWithItsOwnParameters(TestDatabase db) throws Exception {
        // One pooled connection, so every borrowing gets the same driver connection and its cache.
        try (Engine engine = Engine.create(db.url(), EngineOptions.defaults().poolSize(1))) {
            fill(engine);
            for (long i = 1; i <= 50; i++) {
                try (Connection conn = engine.connect()) {
                    var row = conn.query(select(id, name, price).from(parts).where(id.eq(i))).one();
                    assertThat(row.get(name)).isEqualTo("part-" + i);
                    assertThat(row.get(price)).isEqualByComparingTo(BigDecimal.valueOf(i * 100 + 5, 2));
                    // the write goes through a cached statement too, bound afresh each time
                    assertThat(conn.execute(update(parts).set(price, BigDecimal.valueOf(i, 2)).where(id.eq(i)))).isEqualTo(1);
                }
            }
            try (Connection conn = engine.connect()) {
                // with Ashlar's cache, the fill's INSERT, the SELECT and the UPDATE: prepared once each, not once
                // per borrowing; where the driver caches, Ashlar keeps none (they were closed after use)
                int kept = conn.dialect().statementCaching() == StatementCaching.ASHLAR ? 3 : 0;
                assertThat(engine.statementCache(conn.jdbc().unwrap(java.sql.Connection.class)).size()).isEqualTo(kept);
            }
            try (java.sql.Connection jdbc = db.openJdbc(); var s = jdbc.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM cache_parts WHERE round(price * 100) = id")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(50);
            }
        }
    }

    @AllDatabases
    void twoOpenResultsOfTheSameQueryReadTheirOwnRows(TestDatabase db) {
        try (Engine engine = Engine.create(db.url(), EngineOptions.defaults().poolSize(1))) {
            fill(engine);
            try (Connection conn = engine.connect(); Transaction tx = conn.begin()) {
                try (Result low = conn.query(select(id).from(parts).where(id.le(3L)).orderBy(id));
                     Result high = conn.query(select(id).from(parts).where(id.le(3L)).orderBy(id.desc()))) {
                    List<Long> lows = new java.util.ArrayList<>();
                    List<Long> highs = new java.util.ArrayList<>();
                    var a = low.iterator();
                    var b = high.iterator();
                    while (a.hasNext() && b.hasNext()) {
                        lows.add(a.next().get(id));
                        highs.add(b.next().get(id));
                    }
                    assertThat(lows).containsExactly(1L, 2L, 3L);
                    assertThat(highs).containsExactly(3L, 2L, 1L);
                }
                // the same SQL again, now with both statements back in the cache
                assertThat(conn.query(select(id).from(parts).where(id.le(3L)).orderBy(id)).map(r -> r.get(id))).containsExactly(1L, 2L, 3L);
            }
        }
    }

    @AllDatabases
    void aFailedStatementIsNotReused(TestDatabase db) {
        try (Engine engine = Engine.create(db.url(), EngineOptions.defaults().poolSize(1))) {
            fill(engine);
            try (Connection conn = engine.connect()) {
                var duplicate = insertInto(parts).set(id, 1L).set(name, "dup").set(price, BigDecimal.ONE);
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> conn.execute(duplicate))
                        .isInstanceOf(dev.ashlar.core.error.DatabaseException.class);
                assertThat(conn.execute(insertInto(parts).set(id, 51L).set(name, "new").set(price, BigDecimal.ONE))).isEqualTo(1);
            }
            try (Connection conn = engine.connect()) {
                assertThat(conn.query(select(name).from(parts).where(id.eq(51L))).one().get(name)).isEqualTo("new");
            }
        }
    }
}
