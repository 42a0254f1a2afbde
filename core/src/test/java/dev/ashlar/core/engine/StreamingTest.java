package dev.ashlar.core.engine;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Select;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.DatabaseKind;
import dev.ashlar.testkit.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** Reading many rows through cursors, and closing them on every way out. */
class StreamingTest {
    private static final int ROWS = 200_000;

    private final MetaData metadata = new MetaData();
    private final Column<Long> id = Column.of("id", bigInteger()).primaryKey().autoincrement(false);
    private final Column<String> label = Column.of("label", string(30)).notNull();
    private final Table numbers = metadata.table("numbers", id, label);

    private void fill(Engine engine) {
        SchemaDdl.createAll(engine, metadata);
        try (Connection conn = engine.connect()) {
            var insert = insertInto(numbers);
            for (long i = 1; i <= ROWS; i++) {
                if (i > 1) {
                    insert = insert.nextRow();
                }
                insert = insert.set(id, i).set(label, "n" + i);
            }
            assertThat(conn.execute(insert)).isEqualTo(ROWS);
        }
    }

    private static void assertReleased(Connection conn) {
        assertThat(conn.openResults()).isZero();
        assertThat(conn.inCursorTransaction()).isFalse();
        assertThat(conn.inTransaction()).isFalse();
    }

    @AllDatabases
    void streamsManyRowsAndClosesOnEveryExit(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            fill(engine);
            Select all = select(id, label).from(numbers).orderBy(id);
            try (Connection conn = engine.connect()) {
                // to the end: every row, in order, and the cursor closes itself
                AtomicLong expected = new AtomicLong(1);
                long count = conn.stream(all, rows -> rows.filter(r -> r.get(id) == expected.getAndIncrement()).count());
                assertThat(count).isEqualTo(ROWS);
                assertReleased(conn);

                // early exit with limit(): only the callback form can close it, and it does
                List<Row> first = conn.stream(all, rows -> rows.limit(10).toList());
                assertThat(first).extracting(r -> r.get(id)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
                assertReleased(conn);

                // an exception in the consumer
                assertThatThrownBy(() -> conn.forEach(all, row -> {
                    if (row.get(id) == 500) {
                        throw new IllegalStateException("consumer failed at 500");
                    }
                })).isInstanceOf(IllegalStateException.class);
                assertReleased(conn);

                // try-with-resources on a stream that stops early
                try (Stream<Row> rows = conn.stream(all)) {
                    assertThat(rows.skip(1_000).findFirst().orElseThrow().get(label)).isEqualTo("n1001");
                    assertThat(conn.openResults()).isEqualTo(1);
                }
                assertReleased(conn);

                // iteration with an explicit fetch size
                long iterated = 0;
                try (Result result = conn.cursor(all, 500)) {
                    for (Row row : result) {
                        iterated += row.get(id) > 0 ? 1 : 0;
                    }
                    assertThat(result.isClosed()).isTrue();
                }
                assertThat(iterated).isEqualTo(ROWS);
                assertReleased(conn);

                // values straight into objects, without a Row per row: every row, in order, then closed
                try (Result result = conn.cursor(all, 500); Stream<String> labels = result.streamValues(v -> v[0] + ":" + v[1])) {
                    AtomicLong next = new AtomicLong(1);
                    assertThat(labels.allMatch(text -> text.equals(next.get() + ":n" + next.getAndIncrement()))).isTrue();
                    assertThat(next.get()).isEqualTo(ROWS + 1);
                    assertThat(result.isClosed()).isTrue();
                }
                assertReleased(conn);

                // a cursor inside the caller's transaction leaves that transaction alone
                try (Transaction tx = conn.begin()) {
                    long three = conn.stream(all, rows -> rows.limit(3).count());
                    assertThat(three).isEqualTo(3);
                    assertThat(conn.inTransaction()).isTrue();
                    tx.commit();
                }
                assertReleased(conn);

                // the connection still works for the next statement
                assertThat(conn.query(select(label).from(numbers).where(id.eq(123_456L))).one().get(label)).isEqualTo("n123456");
            }
        }
        // No statement was left open: dropping the table needs no lock held by a forgotten cursor.
        try (var jdbc = db.openJdbc(); var st = jdbc.createStatement()) {
            st.execute("DROP TABLE numbers");
        }
    }

    @AllDatabases
    void postgresReadsThroughAServerSideCursor(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            fill(engine);
            try (Connection conn = engine.connect()) {
                long[] cursorsWhileStreaming = {-1};
                conn.forEach(select(id).from(numbers), row -> {
                    if (cursorsWhileStreaming[0] < 0 && db.kind() == DatabaseKind.POSTGRESQL) {
                        // pgjdbc fetches with a fetch size through a named portal, listed in pg_cursors
                        cursorsWhileStreaming[0] = ((Number) conn.sql("SELECT count(*) FROM pg_cursors WHERE statement LIKE 'SELECT numbers.id FROM numbers%'", Map.of()).one().get(0)).longValue();
                    }
                });
                if (db.kind() == DatabaseKind.POSTGRESQL) {
                    assertThat(cursorsWhileStreaming[0]).isPositive();
                    assertThat(((Number) conn.sql("SELECT count(*) FROM pg_cursors WHERE statement LIKE 'SELECT numbers.id FROM numbers%'", Map.of()).one().get(0)).longValue()).isZero();
                }
                assertReleased(conn);

                // closing the connection closes a cursor its user forgot
                Result forgotten = conn.cursor(select(id).from(numbers));
                forgotten.iterator().next();
                conn.close();
                assertThat(forgotten.isClosed()).isTrue();
            }
            try (Connection conn = engine.connect()) {
                assertThat(conn.query(select(id).from(numbers).where(id.eq(7L))).one().get(id)).isEqualTo(7L);
            }
        }
    }
}
