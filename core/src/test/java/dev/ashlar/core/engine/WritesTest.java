package dev.ashlar.core.engine;

import static dev.ashlar.core.sql.Sql.deleteFrom;
import static dev.ashlar.core.sql.Sql.excluded;
import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.sql.Sql.update;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.numeric;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.error.NotNullViolationException;
import dev.ashlar.core.error.UnsupportedFeatureException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.DatabaseKind;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Inserts of many rows, INSERT ... SELECT, RETURNING, upserts, updates and deletes on each database. */
class WritesTest {
    /** An items table with a unique sku and a client-side default that must be evaluated per row. */
    static final class Items {
        final AtomicLong tokens = new AtomicLong();
        final MetaData metadata = new MetaData();
        final Column<Long> id = Column.of("id", bigInteger()).primaryKey();
        final Column<String> sku = Column.of("sku", string(40)).notNull().unique();
        final Column<String> name = Column.of("name", string(100)).notNull();
        final Column<BigDecimal> price = Column.of("price", numeric(10, 2)).notNull();
        final Column<Long> token = Column.of("token", bigInteger()).defaultValue(tokens::incrementAndGet);
        final Column<Long> hits = Column.of("hits", bigInteger()).notNull().defaultValue(0L);
        final Table table = metadata.table("items", id, sku, name, price, token, hits);
        final MetaData archiveMetadata = new MetaData();
        final Column<Long> archiveId = Column.of("id", bigInteger()).primaryKey();
        final Column<String> archiveSku = Column.of("sku", string(40)).notNull();
        final Column<BigDecimal> archivePrice = Column.of("price", numeric(10, 2));
        final Table archive = archiveMetadata.table("archive", archiveId, archiveSku, archivePrice);
    }

    private static Items create(Engine engine) {
        Items s = new Items();
        SchemaDdl.createAll(engine, s.metadata);
        SchemaDdl.createAll(engine, s.archiveMetadata);
        return s;
    }

    private static long count(TestDatabase db, String sql) throws Exception {
        try (var jdbc = db.openJdbc(); var st = jdbc.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @AllDatabases
    void insertsManyRowsInBatchesWithPerRowDefaults(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            Items s = create(engine);
            var insert = insertInto(s.table);
            for (int i = 0; i < 2_500; i++) {
                if (i > 0) {
                    insert = insert.nextRow();
                }
                insert = insert.set(s.sku, "SKU-" + i).set(s.name, "item " + i).set(s.price, BigDecimal.valueOf(i, 2));
            }
            assertThat(conn.execute(insert)).isEqualTo(2_500);
        }
        assertThat(count(db, "SELECT count(*) FROM items")).isEqualTo(2_500);
        // The default supplier ran once per row: every row has its own token.
        assertThat(count(db, "SELECT count(DISTINCT token) FROM items")).isEqualTo(2_500);
        assertThat(count(db, "SELECT min(token) FROM items")).isEqualTo(1);
        assertThat(count(db, "SELECT max(token) FROM items")).isEqualTo(2_500);
        try (var jdbc = db.openJdbc(); var st = jdbc.createStatement(); ResultSet rs = st.executeQuery("SELECT name, price FROM items WHERE sku = 'SKU-1234'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("item 1234");
            assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("12.34");
        }
    }

    @AllDatabases
    void batchedUpdatesOfOneShapeAndOfChangingShapesEachWriteTheirOwnValues(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            Items s = create(engine);
            var insert = insertInto(s.table);
            for (int i = 1; i <= 6; i++) {
                if (i > 1) {
                    insert = insert.nextRow();
                }
                insert = insert.set(s.id, (long) i).set(s.sku, "S" + i).set(s.name, "n" + i).set(s.price, new BigDecimal("1.00"));
            }
            conn.execute(insert);
            List<dev.ashlar.core.sql.Statement> batch = new ArrayList<>();
            // a run of one shape, bound without compiling again
            batch.add(update(s.table).set(s.price, new BigDecimal("2.10")).where(s.id.eq(1L)));
            batch.add(update(s.table).set(s.price, new BigDecimal("2.20")).where(s.id.eq(2L)));
            // same columns, an expression instead of a value: its own SQL
            batch.add(update(s.table).set(s.price, s.price.mul(3)).where(s.id.eq(3L)));
            // the first shape again, then another column set and a WHERE of two comparisons
            batch.add(update(s.table).set(s.price, new BigDecimal("2.40")).where(s.id.eq(4L)));
            batch.add(update(s.table).set(s.name, "renamed").where(s.id.eq(5L).and(s.sku.eq("S5"))));
            batch.add(update(s.table).set(s.name, "not me").where(s.id.eq(6L).and(s.sku.eq("other"))));
            batch.add(update(s.table).set(s.name, "six").where(s.id.eq(6L).and(s.sku.eq("S6"))));
            // the same columns in another order, then a delete
            batch.add(update(s.table).set(s.hits, 9L).set(s.price, new BigDecimal("6.50")).where(s.id.eq(6L)));
            batch.add(update(s.table).set(s.price, new BigDecimal("7.50")).set(s.hits, 8L).where(s.id.eq(5L)));
            batch.add(deleteFrom(s.table).where(s.id.eq(2L)));
            int[] counts = conn.executeBatch(batch);
            assertThat(counts).hasSize(10);
            assertThat(counts[5]).isIn(0, java.sql.Statement.SUCCESS_NO_INFO);
            assertThat(counts[0]).isIn(1, java.sql.Statement.SUCCESS_NO_INFO);
        }
        try (var jdbc = db.openJdbc(); var st = jdbc.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, name, price, hits FROM items ORDER BY id")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getBigDecimal(3).setScale(2) + " " + rs.getLong(4));
            }
            assertThat(rows).containsExactly(
                    "1 n1 2.10 0", "3 n3 3.00 0", "4 n4 2.40 0", "5 renamed 7.50 8", "6 six 6.50 9");
        }
    }

    @AllDatabases
    void insertsRowsFromMapsWithDifferentColumns(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            Items s = create(engine);
            List<Map<Column<?>, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Map<Column<?>, Object> row = new HashMap<>();
                row.put(s.sku, "M" + i);
                row.put(s.name, "map " + i);
                row.put(s.price, new BigDecimal("1.50"));
                if (i % 3 == 0) {
                    row.put(s.hits, 7L); // some rows set a column the others leave to its default
                }
                rows.add(row);
            }
            assertThat(conn.execute(insertInto(s.table).values(rows))).isEqualTo(10);
            assertThatThrownBy(() -> insertInto(s.table).values(Map.of(s.price, "not a number")))
                    .hasMessageContaining("price").hasMessageContaining("BigDecimal");
        }
        assertThat(count(db, "SELECT count(*) FROM items")).isEqualTo(10);
        assertThat(count(db, "SELECT count(*) FROM items WHERE hits = 7")).isEqualTo(4);
        assertThat(count(db, "SELECT count(*) FROM items WHERE hits = 0")).isEqualTo(6);
    }

    @AllDatabases
    void rowsOfChangingShapesAndExpressionsKeepTheirOwnValues(TestDatabase db) throws Exception {
        // Rows of one shape are bound without compiling again; a row setting other columns, in
        // another order, or an expression instead of a value must still get its own statement.
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            Items s = create(engine);
            var insert = insertInto(s.table);
            for (int i = 0; i < 30; i++) {
                if (i > 0) {
                    insert = insert.nextRow();
                }
                if (i % 10 == 7) {
                    insert = insert.set(s.name, "reordered " + i).set(s.sku, "S" + i).set(s.price, BigDecimal.TEN);
                } else if (i % 10 == 8) {
                    insert = insert.set(s.sku, "S" + i).set(s.name, dev.ashlar.core.sql.Sql.upper(dev.ashlar.core.sql.Param.of("lower " + i, string(100))))
                            .set(s.price, BigDecimal.ONE);
                } else if (i % 10 == 9) {
                    insert = insert.set(s.sku, "S" + i).set(s.name, "hits " + i).set(s.price, BigDecimal.ONE).set(s.hits, (long) i);
                } else {
                    insert = insert.set(s.sku, "S" + i).set(s.name, "plain " + i).set(s.price, BigDecimal.valueOf(i));
                }
            }
            assertThat(conn.execute(insert)).isEqualTo(30);
            Map<String, String> names = new HashMap<>();
            for (Row row : conn.query(select(s.sku, s.name, s.hits).from(s.table)).list()) {
                names.put(row.get(s.sku), row.get(s.name) + "/" + row.get(s.hits));
            }
            assertThat(names).hasSize(30)
                    .containsEntry("S0", "plain 0/0").containsEntry("S16", "plain 16/0")
                    .containsEntry("S7", "reordered 7/0").containsEntry("S27", "reordered 27/0")
                    .containsEntry("S8", "LOWER 8/0").containsEntry("S18", "LOWER 18/0")
                    .containsEntry("S9", "hits 9/9").containsEntry("S29", "hits 29/29");
        }
        assertThat(count(db, "SELECT count(DISTINCT token) FROM items")).isEqualTo(30);
    }

    @AllDatabases
    void aFailingRowLeavesNoneOfTheBatch(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            Items s = create(engine);
            var insert = insertInto(s.table);
            for (int i = 0; i < 1_500; i++) {
                if (i > 0) {
                    insert = insert.nextRow();
                }
                insert = insert.set(s.sku, "B" + i).set(s.price, BigDecimal.ONE);
                // row 1200 has no name: NOT NULL fails in the second JDBC batch
                insert = insert.set(s.name, i == 1_200 ? (String) null : "ok");
            }
            var failing = insert;
            assertThatThrownBy(() -> conn.execute(failing)).isInstanceOf(NotNullViolationException.class);
            assertThat(conn.inTransaction()).isFalse();
        }
        assertThat(count(db, "SELECT count(*) FROM items")).isZero();
    }

    @AllDatabases
    void insertsFromASelect(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            Items s = create(engine);
            conn.execute(insertInto(s.table).set(s.sku, "A").set(s.name, "a").set(s.price, new BigDecimal("5.00"))
                    .nextRow().set(s.sku, "B").set(s.name, "b").set(s.price, new BigDecimal("50.00"))
                    .nextRow().set(s.sku, "C").set(s.name, "c").set(s.price, new BigDecimal("500.00")));
            int copied = conn.execute(insertInto(s.archive).columns(s.archiveSku, s.archivePrice)
                    .select(select(s.sku, s.price).from(s.table).where(s.price.gt(new BigDecimal("10")))));
            assertThat(copied).isEqualTo(2);
        }
        try (var jdbc = db.openJdbc(); var st = jdbc.createStatement(); ResultSet rs = st.executeQuery("SELECT sku, price FROM archive ORDER BY sku")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + "=" + rs.getBigDecimal(2).setScale(2));
            }
            assertThat(rows).containsExactly("B=50.00", "C=500.00");
        }
    }

    @AllDatabases
    void returnsTheKeysOfManyRows(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            Items s = create(engine);
            var insert = insertInto(s.table);
            for (int i = 0; i < 2_100; i++) {
                if (i > 0) {
                    insert = insert.nextRow();
                }
                insert = insert.set(s.sku, "R" + i).set(s.name, "n" + i).set(s.price, BigDecimal.TEN);
            }
            List<Row> rows = conn.executeReturning(insert.returning(s.id, s.sku, s.token));
            assertThat(rows).hasSize(2_100);
            assertThat(rows.get(0).get(s.sku)).isEqualTo("R0");
            assertThat(rows.get(2_099).get(s.sku)).isEqualTo("R2099");
            assertThat(rows.stream().map(r -> r.get(s.id)).distinct().count()).isEqualTo(2_100);
            try (var jdbc = db.openJdbc(); var st = jdbc.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM items WHERE sku = 'R1500'")) {
                rs.next();
                assertThat(rows.get(1_500).get(s.id)).isEqualTo(rs.getLong(1));
            }
            // Without RETURNING the generated key comes from getGeneratedKeys (what MySQL needs).
            List<Row> keys = new BatchWriter(conn).generatedKeys(insertInto(s.table), List.of(s.id),
                    insertInto(s.table).set(s.sku, "G1").set(s.name, "g").set(s.price, BigDecimal.ONE)
                            .nextRow().set(s.sku, "G2").set(s.name, "g").set(s.price, BigDecimal.ONE).rowsWithDefaults());
            assertThat(keys).hasSize(2);
            try (var jdbc = db.openJdbc(); var st = jdbc.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM items WHERE sku IN ('G1', 'G2') ORDER BY sku")) {
                rs.next();
                assertThat(keys.get(0).get(s.id)).isEqualTo(rs.getLong(1));
                rs.next();
                assertThat(keys.get(1).get(s.id)).isEqualTo(rs.getLong(1));
            }
        }
        assertThat(count(db, "SELECT count(*) FROM items")).isEqualTo(2_102);
    }

    @AllDatabases
    void deletesAndUpdatesReturningRows(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            Items s = create(engine);
            conn.execute(insertInto(s.table).set(s.sku, "A").set(s.name, "a").set(s.price, new BigDecimal("1.00"))
                    .nextRow().set(s.sku, "B").set(s.name, "b").set(s.price, new BigDecimal("2.00"))
                    .nextRow().set(s.sku, "C").set(s.name, "c").set(s.price, new BigDecimal("3.00")));
            List<Row> deleted = conn.executeReturning(deleteFrom(s.table).where(s.price.lt(new BigDecimal("2.50"))).returning(s.sku));
            assertThat(deleted).extracting(r -> r.get(s.sku)).containsExactlyInAnyOrder("A", "B");
            var raise = update(s.table).set(s.price, new BigDecimal("9.99")).where(s.sku.eq("C")).returning(s.sku, s.price);
            if (db.kind() == DatabaseKind.MARIADB) {
                assertThatThrownBy(() -> conn.executeReturning(raise)).isInstanceOf(UnsupportedFeatureException.class)
                        .hasMessageContaining("UPDATE ... RETURNING");
                assertThat(count(db, "SELECT count(*) FROM items WHERE price = 9.99")).isZero();
            } else {
                List<Row> updated = conn.executeReturning(raise);
                assertThat(updated).hasSize(1);
                assertThat(updated.get(0).get(s.price)).isEqualByComparingTo("9.99");
                assertThat(count(db, "SELECT count(*) FROM items WHERE price = 9.99")).isEqualTo(1);
            }
        }
        assertThat(count(db, "SELECT count(*) FROM items")).isEqualTo(1);
    }

    @AllDatabases
    void upsertIsIdempotent(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            Items s = create(engine);
            conn.execute(insertInto(s.table).set(s.sku, "OTHER").set(s.name, "untouched").set(s.price, BigDecimal.ONE));
            for (int run = 0; run < 2; run++) {
                conn.execute(insertInto(s.table).set(s.sku, "W1").set(s.name, "Widget v" + run).set(s.price, new BigDecimal("1" + run + ".00"))
                        .onConflict(s.sku).doUpdate(s.name, s.price));
            }
            try (var jdbc = db.openJdbc(); var st = jdbc.createStatement(); ResultSet rs = st.executeQuery("SELECT name, price FROM items WHERE sku = 'W1'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Widget v1");
                assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("11.00");
                assertThat(rs.next()).isFalse();
            }

            // do nothing: the existing row stays as it is
            conn.execute(insertInto(s.table).set(s.sku, "W1").set(s.name, "ignored").set(s.price, BigDecimal.ZERO).onConflict(s.sku).doNothing());
            assertThat(count(db, "SELECT count(*) FROM items WHERE sku = 'W1' AND name = 'Widget v1'")).isEqualTo(1);
            // ... and a new key is still inserted
            conn.execute(insertInto(s.table).set(s.sku, "W2").set(s.name, "new").set(s.price, BigDecimal.ONE).onConflict(s.sku).doNothing());
            assertThat(count(db, "SELECT count(*) FROM items WHERE sku = 'W2'")).isEqualTo(1);
            // do nothing must not hide other errors the way MariaDB's INSERT IGNORE would
            assertThatThrownBy(() -> conn.execute(insertInto(s.table).set(s.sku, "W3").set(s.name, (String) null).set(s.price, BigDecimal.ONE)
                    .onConflict(s.sku).doNothing())).isInstanceOf(NotNullViolationException.class);

            // an update computed from the existing row and the proposed values: a hit counter
            for (int run = 0; run < 3; run++) {
                conn.execute(insertInto(s.table).set(s.sku, "W1").set(s.name, "x").set(s.price, BigDecimal.ONE).set(s.hits, 1L)
                        .onConflict(s.sku).set(s.hits, s.hits.add(excluded(s.hits))).doUpdate());
            }
            assertThat(count(db, "SELECT hits FROM items WHERE sku = 'W1'")).isEqualTo(3);

            // many rows at once, twice
            for (int run = 0; run < 2; run++) {
                var batch = insertInto(s.table);
                for (int i = 0; i < 1_200; i++) {
                    if (i > 0) {
                        batch = batch.nextRow();
                    }
                    batch = batch.set(s.sku, "U" + i).set(s.name, "run " + run).set(s.price, BigDecimal.ONE);
                }
                conn.execute(batch.onConflict(s.sku).doUpdate(s.name));
            }
        }
        assertThat(count(db, "SELECT count(*) FROM items WHERE sku LIKE 'U%'")).isEqualTo(1_200);
        assertThat(count(db, "SELECT count(*) FROM items WHERE sku LIKE 'U%' AND name = 'run 1'")).isEqualTo(1_200);
        assertThat(count(db, "SELECT count(*) FROM items WHERE sku = 'OTHER' AND name = 'untouched'")).isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM items")).isEqualTo(1_203);
    }

    @AllDatabases
    void updatesWithExpressionsAndDeletesWithWhere(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            Items s = create(engine);
            conn.execute(insertInto(s.table).set(s.sku, "A").set(s.name, "a").set(s.price, new BigDecimal("10.00"))
                    .nextRow().set(s.sku, "B").set(s.name, "b").set(s.price, new BigDecimal("20.00"))
                    .nextRow().set(s.sku, "C").set(s.name, "c").set(s.price, new BigDecimal("30.00")));
            int raised = conn.execute(update(s.table).set(s.price, s.price.mul(new BigDecimal("1.1"))).set(s.hits, s.hits.add(1L).mul(2L))
                    .where(s.price.ge(new BigDecimal("20"))));
            assertThat(raised).isEqualTo(2);
            assertThat(conn.execute(deleteFrom(s.table).where(s.sku.eq("A")))).isEqualTo(1);
            assertThat(conn.execute(deleteFrom(s.table).where(s.sku.eq("nothing")))).isZero();
        }
        try (var jdbc = db.openJdbc(); var st = jdbc.createStatement(); ResultSet rs = st.executeQuery("SELECT sku, price, hits FROM items ORDER BY sku")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + "=" + rs.getBigDecimal(2).setScale(2, java.math.RoundingMode.HALF_UP) + "/" + rs.getLong(3));
            }
            assertThat(rows).containsExactly("B=22.00/2", "C=33.00/2");
        }
    }
}
