package dev.ashlar.compliance.engine;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.numeric;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.StatementTemplate;
import dev.ashlar.core.error.AshlarException;
import dev.ashlar.core.error.UsageException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Param;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Statements compiled once and run with other values each time. */
class StatementTemplateTest {
    private final MetaData metadata = new MetaData();
    private final Column<Long> id = Column.of("id", bigInteger()).primaryKey();
    private final Column<String> name = Column.of("name", string(100)).notNull();
    private final Column<BigDecimal> price = Column.of("price", numeric(10, 2));
    private final Column<String> tag = Column.of("tag", string(20)).defaultValue(() -> "client");
    private final Table items = metadata.table("tpl_items", id, name, price, tag);

    @AllDatabases
    void aLoadByKeyRunsWithEachValueBoundInItsSlot(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(engine, metadata);
            conn.execute(insertInto(items).set(id, 1L).set(name, "one").set(price, new BigDecimal("1.50"))
                    .nextRow().set(id, 2L).set(name, "two").set(price, (BigDecimal) null));
            Param<Long> key = StatementTemplate.slot(bigInteger());
            Param<String> named = StatementTemplate.slot(string(100));
            StatementTemplate byKey = StatementTemplate.of(select(id, name, price).from(items).where(name.eq(named).and(id.eq(key))), key, named);
            assertThat(conn.query(byKey, 2L, "two").mapValues(v -> v[0] + " " + v[1] + " " + v[2])).containsExactly("2 two null");
            assertThat(conn.query(byKey, 1L, "one").mapValues(v -> v[0] + " " + v[1] + " " + v[2])).containsExactly("1 one 1.50");
            assertThat(conn.query(byKey, 1L, "two").mapValues(v -> v[0])).isEmpty();
            assertThatThrownBy(() -> conn.query(byKey, 1L)).hasMessageContaining("2 slots");
        }
    }

    @AllDatabases
    void aMultiRowInsertReturningBindsEveryRowsValues(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(engine, metadata);
            var insert = insertInto(items);
            List<Param<?>> slots = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                if (r > 0) {
                    insert = insert.nextRow();
                }
                Param<String> n = StatementTemplate.slot(string(100));
                Param<BigDecimal> p = StatementTemplate.slot(numeric(10, 2));
                Param<String> t = StatementTemplate.slot(string(20));
                insert = insert.set(name, n).set(price, p).set(tag, t);
                slots.addAll(List.of(n, p, t));
            }
            StatementTemplate template = StatementTemplate.of(insert.returning(id), slots.toArray(new Param<?>[0]));
            if (!conn.dialect().supportsInsertReturning()) {
                // without INSERT ... RETURNING the dialect says so when it compiles
                assertThatThrownBy(() -> conn.query(template, "a", null, "x", "b", null, "y", "c", null, "z")).isInstanceOf(AshlarException.class);
                return;
            }
            for (int run = 0; run < 2; run++) {
                List<Object> ids = conn.query(template, "a" + run, new BigDecimal("1.25"), "x", "b" + run, null, "y", "c" + run,
                        new BigDecimal("3"), "z").mapValues(v -> v[0]);
                assertThat(ids).hasSize(3).doesNotContainNull().doesNotHaveDuplicates();
            }
        }
        List<String> rows = new ArrayList<>();
        try (var jdbc = db.openJdbc(); var st = jdbc.createStatement(); ResultSet rs = st.executeQuery("SELECT name, price, tag FROM tpl_items ORDER BY name")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + (rs.getBigDecimal(2) == null ? null : rs.getBigDecimal(2).setScale(2)) + " " + rs.getString(3));
            }
        }
        assertThat(rows).containsExactly("a0 1.25 x", "a1 1.25 x", "b0 null y", "b1 null y", "c0 3.00 z", "c1 3.00 z");
    }

    @AllDatabases
    void aParameterThatIsNotASlotIsRefused(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(engine, metadata);
            Param<String> n = StatementTemplate.slot(string(100));
            // the tag column's client default would be a parameter of its own, evaluated only once
            StatementTemplate template = StatementTemplate.of(select(id).from(items).where(name.eq(n).and(price.eq(new BigDecimal("1")))), n);
            assertThatThrownBy(() -> conn.query(template, "x")).isInstanceOf(AshlarException.class).hasMessageContaining("not one of its slots");
        }
    }

    @AllDatabases
    void aWriteTemplateRunsAsOneBatchWithEachRowsValues(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(engine, metadata);
            conn.execute(insertInto(items).set(id, 1L).set(name, "one").set(price, new BigDecimal("1.50"))
                    .nextRow().set(id, 2L).set(name, "two").set(price, new BigDecimal("2.50"))
                    .nextRow().set(id, 3L).set(name, "three").set(price, new BigDecimal("3.50")));
            Param<BigDecimal> newPrice = StatementTemplate.slot(numeric(10, 2));
            Param<Long> key = StatementTemplate.slot(bigInteger());
            StatementTemplate setPrice = StatementTemplate.write(dev.ashlar.core.sql.Sql.update(items).set(price, newPrice).where(id.eq(key)),
                    newPrice, key);
            List<Object[]> rows = new ArrayList<>();
            rows.add(new Object[] {new BigDecimal("9.99"), 3L});
            rows.add(new Object[] {null, 1L});
            rows.add(new Object[] {new BigDecimal("7.00"), 42L});
            int[] counts = conn.executeBatch(setPrice, rows);
            assertThat(counts).hasSize(3);
            assertThatThrownBy(() -> conn.query(setPrice, BigDecimal.ONE, 1L)).hasMessageContaining("executeBatch");
            assertThatThrownBy(() -> StatementTemplate.write(select(id).from(items))).isInstanceOf(UsageException.class);
        }
        List<String> rows = new ArrayList<>();
        try (var jdbc = db.openJdbc(); var st = jdbc.createStatement(); ResultSet rs = st.executeQuery("SELECT id, price FROM tpl_items ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + " " + (rs.getBigDecimal(2) == null ? null : rs.getBigDecimal(2).setScale(2)));
            }
        }
        assertThat(rows).containsExactly("1 null", "2 2.50", "3 9.99");
    }
}
