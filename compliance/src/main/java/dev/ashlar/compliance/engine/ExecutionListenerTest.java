package dev.ashlar.compliance.engine;

import static dev.ashlar.core.sql.Sql.deleteFrom;
import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.sql.Sql.update;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.EngineOptions;
import dev.ashlar.core.engine.ExecutionListener;
import dev.ashlar.core.engine.Result;
import dev.ashlar.core.engine.StatementEvent;
import dev.ashlar.core.engine.StatementKind;
import dev.ashlar.core.engine.Transaction;
import dev.ashlar.core.error.UniqueViolationException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Statement;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every kind of statement goes through the one runner: a listener sees each statement start and end
 * exactly once, with its SQL, kind, tables, row count and error.
 */
class ExecutionListenerTest {
    static final class Items {
        final MetaData md = new MetaData();
        final Column<Long> id = Column.of("id", bigInteger()).primaryKey();
        final Column<String> name = Column.of("name", string(50)).notNull().unique();
        final Table items = md.table("listened_items", id, name);
        final Column<Long> drawnId = Column.of("id", bigInteger()).primaryKey().autoincrement(true);
        final Column<String> drawnName = Column.of("name", string(50)).notNull();
        final Table drawn = md.table("listened_drawn", drawnId, drawnName);
    }

    /** Records every event, and checks that each end belongs to a start seen before and not ended yet. */
    static final class Recorder implements ExecutionListener {
        final List<StatementEvent> ended = new ArrayList<>();
        final Set<StatementEvent> open = Collections.newSetFromMap(new IdentityHashMap<>());
        int started;

        @Override
        public void statementStarted(StatementEvent event) {
            assertThat(event.isEnded()).isFalse();
            assertThat(open.add(event)).as("started once: %s", event).isTrue();
            started++;
        }

        @Override
        public void statementEnded(StatementEvent event) {
            assertThat(open.remove(event)).as("ended once, after its start: %s", event).isTrue();
            assertThat(event.durationNanos()).isNotNegative();
            ended.add(event);
        }

        List<String> sql() {
            return ended.stream().map(StatementEvent::sql).toList();
        }

        void clear() {
            ended.clear();
        }

        /** The one ended event, after checking that exactly one statement ran. */
        StatementEvent only() {
            assertThat(ended).hasSize(1);
            assertThat(open).isEmpty();
            StatementEvent e = ended.get(0);
            ended.clear();
            return e;
        }
    }

    @AllDatabases
    void everyKindOfStatementIsSeenOnceWithItsSqlKindAndTables(TestDatabase db) {
        Items s = new Items();
        Recorder recorder = new Recorder();
        try (Engine engine = Engine.create(db.url(), EngineOptions.defaults().listener(recorder)); Connection conn = engine.connect()) {
            // DDL
            SchemaDdl.createAll(conn, s.md);
            // in a transaction, where the database has transactional DDL
            assertThat(recorder.ended.get(0).kind()).isEqualTo(StatementKind.BEGIN);
            assertThat(recorder.ended.get(recorder.ended.size() - 1).kind()).isEqualTo(StatementKind.COMMIT);
            List<StatementEvent> ddl = recorder.ended.subList(1, recorder.ended.size() - 1);
            assertThat(ddl).isNotEmpty().allSatisfy(e -> assertThat(e.kind()).isEqualTo(StatementKind.DDL));
            assertThat(ddl).extracting(StatementEvent::sql).containsExactlyElementsOf(SchemaDdl.createStatements(s.md, conn.dialect()));
            recorder.clear();

            // one insert
            Statement insert = insertInto(s.items).set(s.id, 1L).set(s.name, "one");
            conn.execute(insert);
            StatementEvent e = recorder.only();
            assertThat(e.kind()).isEqualTo(StatementKind.INSERT);
            assertThat(e.sql()).isEqualTo(conn.dialect().compile(insert).sql());
            assertThat(e.tables()).containsExactly("listened_items");
            assertThat(e.rows()).isEqualTo(1);
            assertThat(e.isBatch()).isFalse();

            // a many-row insert: a JDBC batch (or COPY where the dialect has it) inside its own transaction
            List<Map<Column<?>, Object>> rows = new ArrayList<>();
            for (long i = 2; i <= 201; i++) {
                rows.add(Map.of(s.id, i, s.name, "n" + i));
            }
            conn.execute(insertInto(s.items).values(rows));
            List<StatementKind> kinds = recorder.ended.stream().map(StatementEvent::kind).toList();
            assertThat(kinds.get(0)).isEqualTo(StatementKind.BEGIN);
            assertThat(kinds.get(kinds.size() - 1)).isEqualTo(StatementKind.COMMIT);
            List<StatementEvent> writes = recorder.ended.subList(1, kinds.size() - 1);
            assertThat(writes).isNotEmpty().allSatisfy(w -> {
                assertThat(w.kind()).isIn(StatementKind.INSERT, StatementKind.COPY);
                assertThat(w.isBatch()).isTrue();
                assertThat(w.tables()).containsExactly("listened_items");
            });
            assertThat(writes.stream().mapToLong(StatementEvent::rows).sum()).isEqualTo(200);
            assertThat(writes.stream().mapToInt(StatementEvent::batchSize).sum()).isEqualTo(200);
            recorder.clear();

            // keys drawn from the table's generator, then the rows written with them (COPY), where the
            // dialect has that path (BulkInsert); the generator's look-up goes through the runner too, once
            List<Object[]> named = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                named.add(new Object[] {"d" + i});
            }
            java.util.Optional<List<dev.ashlar.core.engine.Row>> drawn = conn.insertWithDrawnKeys(s.drawn, List.of(s.drawnName), named);
            if (conn.dialect().bulkInsert().isEmpty()) {
                assertThat(drawn).isEmpty();
                assertThat(recorder.ended).as("nothing is sent when the dialect cannot draw keys").isEmpty();
            } else {
                assertThat(drawn).hasValueSatisfying(keys -> assertThat(keys).hasSize(150));
                assertThat(recorder.ended).extracting(StatementEvent::kind).containsExactly(StatementKind.QUERY, StatementKind.BEGIN,
                        StatementKind.QUERY, StatementKind.COPY, StatementKind.COMMIT);
                StatementEvent lookup = recorder.ended.get(0);
                StatementEvent draw = recorder.ended.get(2);
                StatementEvent copy = recorder.ended.get(3);
                assertThat(lookup.sql()).as("the generator's look-up, with its SQL").contains("?").isNotEqualTo(draw.sql());
                assertThat(draw.sql()).endsWith("?)");
                assertThat(draw.rows()).isEqualTo(150);
                assertThat(copy.sql()).isEqualTo(conn.dialect().bulkInsert().get().statement(s.drawn, List.of(s.drawnId, s.drawnName)));
                assertThat(copy.rows()).isEqualTo(150);
                recorder.clear();
                // the generator is known now: the next draw sends only the draw and the COPY
                conn.insertWithDrawnKeys(s.drawn, List.of(s.drawnName), named);
                assertThat(recorder.ended).extracting(StatementEvent::kind).containsExactly(StatementKind.BEGIN, StatementKind.QUERY,
                        StatementKind.COPY, StatementKind.COMMIT);
                assertThat(recorder.ended.get(1).sql()).isEqualTo(draw.sql());
                try (Result count = conn.query(select(dev.ashlar.core.sql.Sql.count()).from(s.drawn))) {
                    assertThat(((Number) count.one().get(0)).longValue()).as("rows the database holds").isEqualTo(300);
                }
            }
            recorder.clear();

            // update, delete
            Statement upd = update(s.items).set(s.name, "uno").where(s.id.eq(1L));
            conn.execute(upd);
            e = recorder.only();
            assertThat(e.kind()).isEqualTo(StatementKind.UPDATE);
            assertThat(e.sql()).isEqualTo(conn.dialect().compile(upd).sql());
            assertThat(e.rows()).isEqualTo(1);
            Statement del = deleteFrom(s.items).where(s.id.eq(201L));
            conn.execute(del);
            e = recorder.only();
            assertThat(e.kind()).isEqualTo(StatementKind.DELETE);
            assertThat(e.rows()).isEqualTo(1);

            // a batch of statements of one shape
            conn.executeBatch(List.of(update(s.items).set(s.name, "a").where(s.id.eq(2L)),
                    update(s.items).set(s.name, "b").where(s.id.eq(3L))));
            e = recorder.only();
            assertThat(e.kind()).isEqualTo(StatementKind.UPDATE);
            assertThat(e.isBatch()).isTrue();
            assertThat(e.batchSize()).isEqualTo(2);
            assertThat(e.rows()).isEqualTo(2);

            // a query ends when its result closes, with the rows read
            var query = select(s.name).from(s.items).where(s.id.le(10L));
            List<String> names = conn.query(query).map(r -> r.get(s.name));
            e = recorder.only();
            assertThat(e.kind()).isEqualTo(StatementKind.QUERY);
            assertThat(e.sql()).isEqualTo(conn.dialect().compile(query).sql());
            assertThat(e.tables()).containsExactly("listened_items");
            assertThat(e.rows()).isEqualTo(names.size()).isEqualTo(10);

            // a cursor: on PostgreSQL inside an implicit transaction, reported as BEGIN and COMMIT around it
            try (Result cursor = conn.cursor(query, 3)) {
                assertThat(cursor.list()).hasSize(10);
            }
            assertThat(recorder.ended.stream().filter(x -> x.kind() == StatementKind.QUERY).toList()).singleElement()
                    .satisfies(q -> assertThat(q.rows()).isEqualTo(10));
            assertThat(recorder.ended.stream().filter(x -> !x.kind().isTransactionControl() && x.kind() != StatementKind.QUERY)).isEmpty();
            recorder.clear();

            // raw SQL: a query, a write, and parameterless SQL
            try (Result raw = conn.sql("SELECT name FROM listened_items WHERE id = :id", Map.of("id", 1L))) {
                assertThat(raw.list()).hasSize(1);
            }
            e = recorder.only();
            assertThat(e.kind()).isEqualTo(StatementKind.QUERY);
            assertThat(e.sql()).isEqualTo("SELECT name FROM listened_items WHERE id = ?");
            assertThat(e.tables()).isEmpty();
            assertThat(conn.sql("UPDATE listened_items SET name = :n WHERE id = :id", Map.of("n", "x", "id", 1L))).isNull();
            e = recorder.only();
            assertThat(e.kind()).isEqualTo(StatementKind.UPDATE);
            assertThat(e.rows()).isEqualTo(1);
            conn.executeSql("DELETE FROM listened_items WHERE id = 200");
            e = recorder.only();
            assertThat(e.kind()).isEqualTo(StatementKind.DELETE);
            assertThat(e.sql()).isEqualTo("DELETE FROM listened_items WHERE id = 200");

            // EXPLAIN
            conn.explain(query);
            e = recorder.only();
            assertThat(e.kind()).isEqualTo(StatementKind.EXPLAIN);
            assertThat(e.sql()).isEqualTo("EXPLAIN " + conn.dialect().compile(query).sql());

            // transaction control, savepoints named as sent
            try (Transaction tx = conn.begin()) {
                try (Transaction sp = conn.begin()) {
                    sp.commit();
                }
                try (Transaction sp = conn.begin()) {
                    sp.rollback();
                }
                tx.commit();
            }
            try (Transaction tx = conn.begin()) {
                tx.rollback();
            }
            assertThat(recorder.ended).extracting(StatementEvent::kind).containsExactly(StatementKind.BEGIN, StatementKind.SAVEPOINT,
                    StatementKind.RELEASE_SAVEPOINT, StatementKind.SAVEPOINT, StatementKind.ROLLBACK_TO_SAVEPOINT, StatementKind.COMMIT,
                    StatementKind.BEGIN, StatementKind.ROLLBACK);
            assertThat(recorder.sql()).containsExactly("BEGIN", "SAVEPOINT ashlar_sp_1", "RELEASE SAVEPOINT ashlar_sp_1",
                    "SAVEPOINT ashlar_sp_2", "ROLLBACK TO SAVEPOINT ashlar_sp_2", "COMMIT", "BEGIN", "ROLLBACK");
            assertThat(recorder.ended).allSatisfy(x -> assertThat(x.tables()).isEmpty());
            recorder.clear();

            // a failure ends the statement with the typed error the caller gets, and no row count
            Statement duplicate = insertInto(s.items).set(s.id, 999L).set(s.name, "x");
            assertThatThrownBy(() -> conn.execute(duplicate)).isInstanceOf(UniqueViolationException.class);
            e = recorder.only();
            assertThat(e.error()).isInstanceOf(UniqueViolationException.class);
            assertThat(e.rows()).isEqualTo(-1);
            assertThat(recorder.open).as("every statement started has ended").isEmpty();
        }
    }

    @AllDatabases
    void aConnectionsStatementListenerCountsDataStatementsOnlyWhileTheEngineListenerSeesAll(TestDatabase db) {
        Items s = new Items();
        Recorder engineWide = new Recorder();
        List<String> counted = new ArrayList<>();
        try (Engine engine = Engine.create(db.url(), EngineOptions.defaults().listener(engineWide)); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, s.md);
            engineWide.clear();
            conn.statementListener((sql, batch) -> counted.add(sql));
            try (Transaction tx = conn.begin()) {
                conn.execute(insertInto(s.items).set(s.id, 1L).set(s.name, "one"));
                conn.query(select(s.name).from(s.items)).list();
                tx.commit();
            }
            assertThat(counted).hasSize(2);
            assertThat(engineWide.ended).extracting(StatementEvent::kind)
                    .containsExactly(StatementKind.BEGIN, StatementKind.INSERT, StatementKind.QUERY, StatementKind.COMMIT);
            assertThat(engineWide.sql().subList(1, 3)).isEqualTo(counted);
        }
    }

    @org.junit.jupiter.api.Test
    void theKindOfRawSqlComesFromItsFirstKeyword() {
        assertThat(StatementKind.ofSql("  /* hint */ -- c\n (SELECT 1)")).isEqualTo(StatementKind.QUERY);
        assertThat(StatementKind.ofSql("with x as (select 1) select * from x")).isEqualTo(StatementKind.QUERY);
        assertThat(StatementKind.ofSql("create table t (a int)")).isEqualTo(StatementKind.DDL);
        assertThat(StatementKind.ofSql("TRUNCATE t")).isEqualTo(StatementKind.DDL);
        assertThat(StatementKind.ofSql("insert into t values (1)")).isEqualTo(StatementKind.INSERT);
        assertThat(StatementKind.ofSql("ROLLBACK TO SAVEPOINT a")).isEqualTo(StatementKind.ROLLBACK_TO_SAVEPOINT);
        assertThat(StatementKind.ofSql("rollback")).isEqualTo(StatementKind.ROLLBACK);
        assertThat(StatementKind.ofSql("PRAGMA foreign_keys = ON")).isEqualTo(StatementKind.OTHER);
    }
}
