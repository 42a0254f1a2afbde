package dev.ashlar.compliance.engine;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.bool;
import static dev.ashlar.core.types.Types.date;
import static dev.ashlar.core.types.Types.dateTime;
import static dev.ashlar.core.types.Types.dateTimeTz;
import static dev.ashlar.core.types.Types.enumOf;
import static dev.ashlar.core.types.Types.float32;
import static dev.ashlar.core.types.Types.float64;
import static dev.ashlar.core.types.Types.integer;
import static dev.ashlar.core.types.Types.json;
import static dev.ashlar.core.types.Types.largeBinary;
import static dev.ashlar.core.types.Types.numeric;
import static dev.ashlar.core.types.Types.smallInteger;
import static dev.ashlar.core.types.Types.string;
import static dev.ashlar.core.types.Types.text;
import static dev.ashlar.core.types.Types.time;
import static dev.ashlar.core.types.Types.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ashlar.compliance.Capabilities;
import dev.ashlar.compliance.JsonDocument;
import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.dialect.BulkInsert;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.Row;
import dev.ashlar.core.engine.StatementEvent;
import dev.ashlar.core.engine.StatementKind;
import dev.ashlar.core.engine.StatementListener;
import dev.ashlar.core.engine.Transaction;
import dev.ashlar.core.error.AshlarException;
import dev.ashlar.core.error.DatabaseException;
import dev.ashlar.core.error.UniqueViolationException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Expression;
import dev.ashlar.core.sql.Insert;
import dev.ashlar.core.sql.Param;
import dev.ashlar.core.sql.Sql;
import dev.ashlar.core.types.MappedType;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.Blns;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Many-row inserts, which PostgreSQL writes with COPY and the other databases with JDBC batches: on
 * every database the rows it holds are the rows given, value for value, and the same as JDBC batches
 * write; failures raise the error that INSERT would raise and write nothing.
 */
class BulkInsertTest {
    enum Colour { RED, GREEN, ULTRAVIOLET }

    /** A mapped type: URIs stored as text. */
    static final class UriType extends MappedType<URI, String> {
        UriType() {
            super(URI.class, string(200));
        }

        @Override
        public String toStorage(URI value) {
            return value.toString();
        }

        @Override
        public URI fromStorage(String stored) {
            return URI.create(stored);
        }

        @Override
        public String describe() {
            return "Uri";
        }
    }

    /** A table with a key and one column of every type; two of them, one for the many-row insert and one for single INSERTs. */
    static final class Typed {
        final Column<Integer> id = Column.of("id", integer()).primaryKey().autoincrement(false);
        final Column<Integer> i = Column.of("i", integer());
        final Column<Short> s = Column.of("s", smallInteger());
        final Column<Long> l = Column.of("l", bigInteger());
        final Column<Boolean> b = Column.of("b", bool());
        final Column<String> str = Column.of("str", string(200));
        final Column<String> txt = Column.of("txt", text());
        final Column<BigDecimal> num = Column.of("num", numeric(30, 10));
        final Column<Float> f = Column.of("f", float32());
        final Column<Double> d = Column.of("d", float64());
        final Column<LocalDate> day = Column.of("day", date());
        final Column<LocalTime> clock = Column.of("clock", time());
        final Column<LocalDateTime> ts = Column.of("ts", dateTime());
        final Column<OffsetDateTime> tz = Column.of("tz", dateTimeTz());
        final Column<byte[]> bin = Column.of("bin", largeBinary());
        final Column<Colour> colour = Column.of("colour", enumOf(Colour.class));
        final Column<UUID> uid = Column.of("uid", uuid());
        final Column<String> doc = Column.of("doc", json());
        final Column<URI> uri = Column.of("uri", new UriType());
        final List<Column<?>> values = List.of(i, s, l, b, str, txt, num, f, d, day, clock, ts, tz, bin, colour, uid, doc, uri);
        final Table table;

        Typed(Connection conn, String name) {
            MetaData md = new MetaData();
            List<Column<?>> all = new ArrayList<>();
            all.add(id);
            all.addAll(values);
            table = md.table(name, all.toArray(Column<?>[]::new));
            SchemaDdl.createAll(conn, md);
        }
    }

    /** Records the statements a connection sends. */
    /** The data statements a connection ran, with their batch sizes and kinds, in order. */
    static final class Statements implements StatementListener {
        final List<String> sql = new ArrayList<>();
        final List<Integer> sizes = new ArrayList<>();
        final List<StatementKind> kinds = new ArrayList<>();

        @Override
        public void statementEnded(StatementEvent event) {
            if (event.error() == null && !event.kind().isTransactionControl()) {
                kinds.add(event.kind());
            }
            StatementListener.super.statementEnded(event);
        }

        @Override
        public void executed(String statement, int batchSize) {
            sql.add(statement);
            sizes.add(batchSize);
        }

        /** The statements that took the dialect's bulk path (COPY on PostgreSQL), known by their kind, whatever their text. */
        List<String> copies() {
            return indexesOf(StatementKind.COPY).stream().map(sql::get).toList();
        }

        /** The batch sizes of the bulk-path statements, in order. */
        List<Integer> copySizes() {
            return indexesOf(StatementKind.COPY).stream().map(sizes::get).toList();
        }

        void clear() {
            sql.clear();
            sizes.clear();
            kinds.clear();
        }

        private List<Integer> indexesOf(StatementKind kind) {
            List<Integer> at = new ArrayList<>();
            for (int k = 0; k < kinds.size(); k++) {
                if (kinds.get(k) == kind) {
                    at.add(k);
                }
            }
            return at;
        }
    }

    private static byte[] allBytes() {
        byte[] all = new byte[256];
        for (int k = 0; k < all.length; k++) {
            all[k] = (byte) k;
        }
        return all;
    }

    /** For each value column, the values its rows cycle through: the edges every database stores, and NULL. */
    private static Map<Column<?>, List<?>> valuesOfEveryType(Typed t) {
        Map<Column<?>, List<?>> v = new LinkedHashMap<>();
        v.put(t.i, withNull(Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE));
        v.put(t.s, withNull(Short.MIN_VALUE, (short) 0, Short.MAX_VALUE));
        v.put(t.l, withNull(Long.MIN_VALUE, 0L, Long.MAX_VALUE));
        v.put(t.b, withNull(true, false));
        v.put(t.str, withNull("", "plain", "tab\there", "new\nline", "cr\rlf\r\n", "back\\slash\\", "\\N", "\\.", "\\x41",
                "caf\u00e9 \u4e2d \ud83d\ude00", "  x  ", "\u0001\u0008\u000b\u000c\u001f\u007f"));
        // longer than one chunk of COPY text, so a value crosses a chunk's end
        v.put(t.txt, withNull("x\\y\tz\n".repeat(15_000), "short"));
        v.put(t.num, withNull(new BigDecimal("12345678901234567890.1234567891"), new BigDecimal("-99999999999999999999.9999999999"),
                new BigDecimal("0.0000000001"), new BigDecimal("0E-10")));
        v.put(t.f, withNull(Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_NORMAL, -1.5f, 0.1f));
        v.put(t.d, withNull(Double.MAX_VALUE, Double.MIN_NORMAL, -Double.MAX_VALUE, 0.1, 1e-300, 1.0 / 3));
        v.put(t.day, withNull(LocalDate.of(1, 1, 1), LocalDate.of(1582, 10, 10), LocalDate.of(1970, 1, 1), LocalDate.of(2024, 2, 29),
                LocalDate.of(9999, 12, 31)));
        v.put(t.clock, withNull(LocalTime.of(13, 45, 12, 123_456_000), LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59, 999_999_000),
                LocalTime.of(0, 0, 0, 1000)));
        v.put(t.ts, withNull(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_901_000), LocalDateTime.of(1, 1, 1, 0, 0),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000), LocalDateTime.of(2024, 3, 31, 2, 30)));
        v.put(t.tz, withNull(OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 123_456_000, ZoneOffset.ofHoursMinutes(5, 30)),
                OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), OffsetDateTime.of(2024, 11, 3, 1, 30, 0, 0, ZoneOffset.ofHours(-4))));
        v.put(t.bin, withNull(allBytes(), new byte[0], new byte[] {'\\', '\t', '\n', 0}));
        v.put(t.colour, withNull(Colour.RED, Colour.ULTRAVIOLET));
        v.put(t.uid, withNull(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), new UUID(-1L, -1L), new UUID(0L, 0L)));
        v.put(t.doc, withNull("{\"a\": 1}", "[1.5, \"x\\ty \\\\ \\\"q\\\" \\u00e9\", null, true, {\"k\": \"v\"}]", "\"text\"", "null"));
        v.put(t.uri, withNull(URI.create("https://example.com/a?b=c&d=%20"), URI.create("urn:isbn:0451450523")));
        return v;
    }

    @SafeVarargs
    private static <T> List<T> withNull(T... values) {
        List<T> list = new ArrayList<>(List.of(values));
        list.add(null);
        return list;
    }

    /** Row {@code n} of a table whose columns cycle through {@code values}; every seventh row is all NULL. */
    private static Map<Column<?>, Object> row(Typed t, Map<Column<?>, List<?>> values, int n) {
        Map<Column<?>, Object> row = new LinkedHashMap<>();
        row.put(t.id, n);
        values.forEach((column, list) -> row.put(column, n % 7 == 3 ? null : list.get(n % list.size())));
        return row;
    }

    private static List<Map<Column<?>, Object>> rows(Typed t, Map<Column<?>, List<?>> values, int count) {
        List<Map<Column<?>, Object>> rows = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            rows.add(row(t, values, n));
        }
        return rows;
    }

    private static Insert manyRows(Table table, List<Map<Column<?>, Object>> rows) {
        return insertInto(table).values(rows);
    }

    /**
     * The same rows in many-row inserts too short for the bulk path, so JDBC batches: the reference
     * for what the database must hold after a many-row insert of them.
     */
    private static void batched(Connection conn, Table table, List<Map<Column<?>, Object>> rows) {
        int chunk = conn.dialect().bulkInsert().map(BulkInsert::minimumRows).orElse(100) - 1;
        Statements statements = new Statements();
        conn.statementListener(statements);
        for (int from = 0; from < rows.size(); from += chunk) {
            List<Map<Column<?>, Object>> part = new ArrayList<>();
            for (Map<Column<?>, Object> row : rows.subList(from, Math.min(from + chunk, rows.size()))) {
                part.add(reKeyed(table, row));
            }
            conn.execute(insertInto(table).values(part));
        }
        conn.statementListener(null);
        assertThat(statements.copies()).isEmpty();
    }

    /** The row's values under the same-named columns of {@code table}. */
    private static Map<Column<?>, Object> reKeyed(Table table, Map<Column<?>, Object> row) {
        Map<Column<?>, Object> out = new LinkedHashMap<>();
        row.forEach((column, value) -> out.put(table.column(column.name()), value));
        return out;
    }

    /** What JDBC reads from the table, row by row in key order, as text (binary as hex) to compare. */
    private static List<List<String>> jdbcRows(TestDatabase db, String table) throws SQLException {
        try (var c = db.openJdbc(); var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
            List<List<String>> out = new ArrayList<>();
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>(width);
                for (int k = 1; k <= width; k++) {
                    Object value = rs.getObject(k);
                    row.add(value == null ? null : value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : rs.getString(k));
                }
                out.add(row);
            }
            return out;
        }
    }

    private static void assertSameRows(List<List<String>> actual, List<List<String>> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int n = 0; n < actual.size(); n++) {
            for (int k = 0; k < actual.get(n).size(); k++) {
                assertThat(actual.get(n).get(k)).as("row %d, column %d", n, k + 1).isEqualTo(expected.get(n).get(k));
            }
        }
    }

    /** A value as Ashlar should read it back: instants in UTC, JSON as its parsed tree, bytes as hex. */
    private static Object comparable(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        return value;
    }

    private static void assertCopied(TestDatabase db, Statements statements, String table, int... runs) {
        if (Capabilities.of(db).bulkInsert().isPresent()) {
            assertThat(statements.copies()).as("bulk statements").hasSize(runs.length).allSatisfy(sql -> assertThat(sql).contains(table));
            assertThat(statements.copySizes()).containsExactlyElementsOf(java.util.Arrays.stream(runs).boxed().toList());
        } else {
            assertThat(statements.copies()).isEmpty();
        }
    }

    private static long count(TestDatabase db, String sql) throws SQLException {
        try (var c = db.openJdbc(); var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @AllDatabases
    void everyTypeReadsBackAsInsertedAndAsTheBatchHoldsIt(TestDatabase db) throws SQLException {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            Typed t = new Typed(conn, "typed");
            Typed ref = new Typed(conn, "typed_ref");
            List<Map<Column<?>, Object>> rows = rows(t, valuesOfEveryType(t), 300);
            Statements statements = new Statements();
            conn.statementListener(statements);
            assertThat(conn.execute(manyRows(t.table, rows))).isEqualTo(300);
            conn.statementListener(null);
            assertCopied(db, statements, "typed", 300);

            List<Row> back = conn.query(select(t.table.columns().toArray(Column<?>[]::new)).from(t.table).orderBy(t.id)).list();
            assertThat(back).hasSize(rows.size());
            for (int n = 0; n < rows.size(); n++) {
                for (Column<?> column : t.table.columns()) {
                    Object expected = rows.get(n).get(column);
                    Object actual = back.get(n).get(column);
                    if (column == t.doc && expected != null) {
                        assertThat(JsonDocument.parse((String) actual)).as("row %d %s", n, column.name()).isEqualTo(JsonDocument.parse((String) expected));
                    } else {
                        assertThat(comparable(actual)).as("row %d %s", n, column.name()).isEqualTo(comparable(expected));
                    }
                }
            }

            batched(conn, ref.table, rows);
            assertSameRows(jdbcRows(db, "typed"), jdbcRows(db, "typed_ref"));
        }
    }

    @AllDatabases
    void edgeValuesThatTheBatchAcceptsAreHeldAsTheBatchHoldsThem(TestDatabase db) throws SQLException {
        // Rounding to microseconds, infinities, years before 1 and after 9999, NaN: whatever a JDBC batch
        // stores for these on this database, the bulk path must store too.
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            Typed t = new Typed(conn, "edges");
            Typed ref = new Typed(conn, "edges_ref");
            Map<Column<?>, List<?>> candidates = new LinkedHashMap<>();
            candidates.put(t.f, List.of(1.25f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -0.0f));
            candidates.put(t.d, List.of(1.25d, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -0.0d));
            candidates.put(t.num, List.of(new BigDecimal("1E+5"), new BigDecimal("-0.00000000005"), new BigDecimal("1E-20"),
                    new BigDecimal("0.00000000015")));
            candidates.put(t.day, List.of(LocalDate.of(2020, 1, 1), LocalDate.MAX, LocalDate.MIN, LocalDate.of(-44, 3, 15), LocalDate.of(0, 1, 1),
                    LocalDate.of(12345, 6, 7), LocalDate.of(-4712, 1, 1), LocalDate.of(-4713, 12, 31)));
            candidates.put(t.clock, List.of(LocalTime.of(10, 0, 0, 500), LocalTime.of(10, 0, 0, 499), LocalTime.of(10, 0, 0, 1_999_500),
                    LocalTime.of(23, 59, 59, 999_999_500), LocalTime.MAX));
            candidates.put(t.ts, List.of(LocalDateTime.of(2020, 1, 1, 0, 0), LocalDateTime.MAX, LocalDateTime.MIN, LocalDateTime.of(-100, 2, 3, 4, 5, 6),
                    LocalDateTime.of(20_000, 1, 1, 0, 0), LocalDateTime.of(2024, 12, 31, 23, 59, 59, 999_999_500), LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1)));
            candidates.put(t.tz, List.of(OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), LocalDateTime.MIN.atOffset(ZoneOffset.UTC),
                    OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_500, ZoneOffset.ofHours(-3)),
                    OffsetDateTime.of(-50, 6, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2))));
            Map<Column<?>, List<?>> accepted = new LinkedHashMap<>();
            candidates.forEach((column, values) -> accepted.put(column, acceptedByTheBatch(conn, ref, column, values)));
            assertThat(accepted.values()).as("no column is left without values").allSatisfy(values -> assertThat(values).isNotEmpty());
            if (conn.dialect().latestYear() >= 20_000) {
                // a database that holds years this far out (PostgreSQL) takes the far dates through the batch too
                assertThat(List.<Object>copyOf(accepted.get(t.day))).contains(LocalDate.of(12345, 6, 7));
                assertThat(List.<Object>copyOf(accepted.get(t.ts))).contains(LocalDateTime.of(20_000, 1, 1, 0, 0));
            } else {
                assertThat(List.<Object>copyOf(accepted.get(t.day))).doesNotContain(LocalDate.of(12345, 6, 7));
                assertThat(List.<Object>copyOf(accepted.get(t.ts))).doesNotContain(LocalDateTime.of(20_000, 1, 1, 0, 0));
            }

            List<Map<Column<?>, Object>> rows = new ArrayList<>();
            for (int n = 0; n < 150; n++) {
                Map<Column<?>, Object> row = new LinkedHashMap<>();
                row.put(t.id, n);
                for (var e : accepted.entrySet()) {
                    row.put(e.getKey(), e.getValue().get(n % e.getValue().size()));
                }
                rows.add(row);
            }
            Statements statements = new Statements();
            conn.statementListener(statements);
            conn.execute(manyRows(t.table, rows));
            conn.statementListener(null);
            assertCopied(db, statements, "edges", 150);
            batched(conn, ref.table, rows);
            assertSameRows(jdbcRows(db, "edges"), jdbcRows(db, "edges_ref"));
        }
    }

    /** The values a many-row insert too short for the bulk path accepts into {@code ref} (each tried alone, then removed). */
    private static List<Object> acceptedByTheBatch(Connection conn, Typed ref, Column<?> column, List<?> values) {
        List<Object> accepted = new ArrayList<>();
        Column<?> target = ref.table.column(column.name());
        for (Object value : values) {
            List<Map<Column<?>, Object>> rows = new ArrayList<>();
            for (int id = -2; id < 0; id++) {
                Map<Column<?>, Object> row = new LinkedHashMap<>();
                row.put(ref.id, id);
                row.put(target, value);
                rows.add(row);
            }
            try {
                conn.execute(insertInto(ref.table).values(rows));
                accepted.add(value);
            } catch (RuntimeException e) {
                // this database (or its driver) refuses the value
            }
            conn.execute(Sql.deleteFrom(ref.table));
        }
        return accepted;
    }

    @AllDatabases
    void everyNaughtyStringRoundTripsByteForByte(TestDatabase db) throws SQLException {
        List<String> naughty = new ArrayList<>(Blns.storable());
        naughty.addAll(List.of("\\", "\\\\", "\\N", "\\.", "a\\.\nb", "\t", "\r\n", "trailing\\"));
        int longest = naughty.stream().mapToInt(String::length).max().orElseThrow();
        MetaData md = new MetaData();
        Column<Integer> id = Column.of("id", integer()).primaryKey().autoincrement(false);
        Column<String> v = Column.of("v", string(longest));
        Column<String> w = Column.of("w", text());
        Table table = md.table("naughty", id, v, w);
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, md);
            Insert insert = insertInto(table);
            for (int n = 0; n < naughty.size(); n++) {
                if (n > 0) {
                    insert = insert.nextRow();
                }
                insert = insert.set(id, n).set(v, naughty.get(n)).set(w, naughty.get(naughty.size() - 1 - n));
            }
            Statements statements = new Statements();
            conn.statementListener(statements);
            assertThat(conn.execute(insert)).isEqualTo(naughty.size());
            assertCopied(db, statements, "naughty", naughty.size());
            assertThat(conn.query(select(v).from(table).orderBy(id)).list()).extracting(r -> r.get(v)).containsExactlyElementsOf(naughty);
            assertThat(conn.query(select(w).from(table).orderBy(id.desc())).list()).extracting(r -> r.get(w)).containsExactlyElementsOf(naughty);
        }
        String hex = db.vendor().hex("v");
        List<String> held = new ArrayList<>();
        try (var c = db.openJdbc(); var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + hex + " FROM naughty ORDER BY id")) {
            while (rs.next()) {
                held.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        assertThat(held).containsExactlyElementsOf(naughty.stream().map(s -> HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8))).toList());
    }

    /** Parent and child tables with every kind of constraint, made with plain DDL. */
    private static final class Family {
        final MetaData md = new MetaData();
        final Column<Integer> parentId = Column.of("id", integer()).primaryKey().autoincrement(false);
        final Table parent = md.table("parent", parentId);
        final Column<Integer> id = Column.of("id", integer()).primaryKey().autoincrement(false);
        final Column<Integer> parentRef = Column.of("parent_id", integer());
        final Column<String> name = Column.of("name", string(5));
        final Column<Integer> qty = Column.of("qty", integer());
        final Column<LocalDate> born = Column.of("born", date());
        final Column<String> note = Column.of("note", text());
        final Table child = md.table("child", id, parentRef, name, qty, born, note);

        Family(Connection conn) {
            conn.executeSql("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
            conn.executeSql("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER, name VARCHAR(5) NOT NULL, qty INTEGER,"
                    + " born DATE, note TEXT, CONSTRAINT qty_positive CHECK (qty >= 0),"
                    + " CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id))");
            conn.execute(insertInto(parent).set(parentId, 1));
        }

        Map<Column<?>, Object> row(int n) {
            Map<Column<?>, Object> row = new LinkedHashMap<>();
            row.put(id, n);
            row.put(parentRef, 1);
            row.put(name, "n" + n % 1000);
            row.put(qty, n);
            row.put(born, LocalDate.of(2000, 1, 1).plusDays(n));
            row.put(note, "note " + n);
            return row;
        }
    }

    @AllDatabases
    void aFailingRowRaisesTheErrorOneInsertWouldAndLeavesNothingWritten(TestDatabase db) throws SQLException {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            Family f = new Family(conn);
            Map<String, Function<Map<Column<?>, Object>, Map<Column<?>, Object>>> faults = new LinkedHashMap<>();
            faults.put("duplicate key", r -> with(r, f.id, 10));
            faults.put("null name", r -> with(r, f.name, null));
            faults.put("missing parent", r -> with(r, f.parentRef, 999));
            faults.put("negative qty", r -> with(r, f.qty, -1));
            faults.put("name too long", r -> with(r, f.name, "toolong"));
            faults.put("date out of range", r -> with(r, f.born, LocalDate.of(300_000, 1, 1)));
            faults.put("NUL in text", r -> with(r, f.note, "a\u0000b"));
            for (var fault : faults.entrySet()) {
                Map<Column<?>, Object> bad = fault.getValue().apply(f.row(5_000));
                // what one INSERT of the bad row does, after the row whose key it may repeat
                Throwable single = catchThrowable(() -> {
                    try (Transaction tx = conn.begin()) {
                        conn.execute(insertInto(f.child).values(f.row(10)));
                        conn.execute(insertInto(f.child).values(bad));
                    }
                });
                assertThat(count(db, "SELECT count(*) FROM child")).isZero();

                List<Map<Column<?>, Object>> rows = new ArrayList<>();
                for (int n = 0; n < 10_000; n++) {
                    rows.add(n == 5_000 ? bad : f.row(n));
                }
                Throwable many = catchThrowable(() -> conn.execute(manyRows(f.child, rows)));
                if (single == null) {
                    assertThat(many).as(fault.getKey()).isNull();
                    conn.execute(Sql.deleteFrom(f.child));
                    continue;
                }
                assertThat(single).as(fault.getKey()).isInstanceOf(DatabaseException.class);
                assertThat(many).as(fault.getKey()).isNotNull().hasSameClassAs(single);
                if (fault.getKey().equals("duplicate key")) {
                    assertThat(many).isInstanceOf(UniqueViolationException.class);
                }
                if (Capabilities.of(db).bulkInsert().isPresent()) {
                    assertThat(((DatabaseException) many).sql()).as(fault.getKey()).startsWith(Capabilities.of(db).bulkInsert().get()
                            .statement(f.child, List.of(f.child.column("id"), f.child.column("parent_id"), f.child.column("name"),
                                    f.child.column("qty"), f.child.column("born"), f.child.column("note"))));
                    assertThat(((DatabaseException) many).parameters()).as(fault.getKey()).containsExactlyElementsOf(f.row(0).values());
                }
                assertThat(count(db, "SELECT count(*) FROM child")).as(fault.getKey()).isZero();
            }
            // the connection is still fine for the next statement
            assertThat(conn.execute(manyRows(f.child, List.of(f.row(1), f.row(2))))).isEqualTo(2);
        }
    }

    private static Map<Column<?>, Object> with(Map<Column<?>, Object> row, Column<?> column, Object value) {
        Map<Column<?>, Object> copy = new LinkedHashMap<>(row);
        copy.put(column, value);
        return copy;
    }

    @AllDatabases
    void tensOfThousandsOfRowsWithPerRowDefaultsInTheCallersTransaction(TestDatabase db) throws SQLException {
        MetaData md = new MetaData();
        java.util.concurrent.atomic.AtomicLong tokens = new java.util.concurrent.atomic.AtomicLong();
        Column<Long> id = Column.of("id", bigInteger()).primaryKey();
        Column<Integer> seq = Column.of("seq", integer()).notNull();
        Column<String> name = Column.of("name", string(40));
        Column<Long> token = Column.of("token", bigInteger()).defaultValue(tokens::incrementAndGet);
        Table table = md.table("numbered", id, seq, name, token);
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, md);
            Insert insert = insertInto(table);
            for (int n = 0; n < 20_000; n++) {
                if (n > 0) {
                    insert = insert.nextRow();
                }
                insert = insert.set(seq, n).set(name, n % 10 == 0 ? null : "row " + n);
            }
            Statements statements = new Statements();
            conn.statementListener(statements);
            try (Transaction tx = conn.begin()) {
                assertThat(conn.execute(insert)).isEqualTo(20_000);
                // the transaction goes on after the COPY: the rows are there, other statements run
                assertThat(conn.query(select(Sql.count()).from(table)).one().get(0)).isEqualTo(20_000L);
                tx.rollback();
            }
            assertThat(count(db, "SELECT count(*) FROM numbered")).isZero();
            try (Transaction tx = conn.begin()) {
                conn.execute(insert);
                tx.commit();
            }
            assertCopied(db, statements, "numbered", 20_000, 20_000);
        }
        assertThat(count(db, "SELECT count(*) FROM numbered")).isEqualTo(20_000);
        assertThat(count(db, "SELECT count(*) FROM numbered WHERE name IS NULL")).isEqualTo(2_000);
        assertThat(count(db, "SELECT count(DISTINCT token) FROM numbered")).isEqualTo(20_000);
        // keys are generated in row order
        try (var c = db.openJdbc(); var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT seq FROM numbered ORDER BY id")) {
            int expected = 0;
            while (rs.next()) {
                assertThat(rs.getInt(1)).isEqualTo(expected++);
            }
            assertThat(expected).isEqualTo(20_000);
        }
    }

    @AllDatabases
    void shortRunsExpressionsAndConflictHandlingGoThroughTheBatchInRowOrder(TestDatabase db) throws SQLException {
        KeyedTable keyed = KeyedTable.named("mixed");
        MetaData md = keyed.md();
        Table table = keyed.table();
        Column<Long> id = keyed.id();
        Column<Integer> seq = keyed.seq();
        Column<String> name = keyed.name();
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, md);
            Statements statements = new Statements();
            conn.statementListener(statements);
            // one row fewer than the bulk path's minimum (the databases without one batch every insert)
            int few = conn.dialect().bulkInsert().map(BulkInsert::minimumRows).orElse(100) - 1;
            Insert shortInsert = insertInto(table);
            for (int n = 0; n < few; n++) {
                shortInsert = (n > 0 ? shortInsert.nextRow() : shortInsert).set(seq, n).set(name, "short " + n);
            }
            assertThat(conn.execute(shortInsert)).isEqualTo(few);
            assertThat(statements.copies()).isEmpty();

            // 150 plain rows, one with an expression, 150 plain rows, 50 of another shape, 150 of the first
            Insert mixed = insertInto(table);
            int next = few;
            List<String> expectedNames = new ArrayList<>();
            for (int n = 0; n < 501; n++) {
                if (n > 0) {
                    mixed = mixed.nextRow();
                }
                mixed = mixed.set(seq, next++);
                if (n == 150) {
                    mixed = mixed.set(name, Sql.lower(Param.of("EXPRESSION", string(40))));
                    expectedNames.add("expression");
                } else if (n > 300 && n <= 350) {
                    expectedNames.add(null);
                } else {
                    mixed = mixed.set(name, "row " + n);
                    expectedNames.add("row " + n);
                }
            }
            assertThat(conn.execute(mixed)).isEqualTo(501);
            if (conn.dialect().bulkInsert().isPresent()) {
                assertThat(statements.copies()).hasSize(3);
                assertThat(statements.sizes.subList(1, statements.sizes.size())).containsExactly(150, 1, 150, 50, 150);
            }
            // conflict handling is not a plain insert: never a COPY
            statements.clear();
            Insert upsert = insertInto(table);
            for (int n = 0; n < 200; n++) {
                upsert = (n > 0 ? upsert.nextRow() : upsert).set(seq, n).set(name, "again");
            }
            upsert = upsert.onConflict(seq).doNothing();
            conn.execute(upsert);
            assertThat(statements.copies()).isEmpty();

            List<String> names = new ArrayList<>();
            try (var c = db.openJdbc(); var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT seq, name FROM mixed ORDER BY id")) {
                int expectedSeq = 0;
                while (rs.next()) {
                    assertThat(rs.getInt(1)).isEqualTo(expectedSeq++);
                    names.add(rs.getString(2));
                }
            }
            assertThat(names.subList(few, names.size())).containsExactlyElementsOf(expectedNames);
            assertThat(names).hasSize(few + 501);
        }
    }

    @AllDatabases
    void manyRowsReturningOnlyTheirKeyGetTheKeysTheirRowsHold(TestDatabase db) throws SQLException {
        KeyedTable keyed = KeyedTable.named("keyed");
        MetaData md = keyed.md();
        Table table = keyed.table();
        Column<Long> id = keyed.id();
        Column<Integer> seq = keyed.seq();
        Column<String> name = keyed.name();
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, md);
            int minimum = conn.dialect().bulkInsert().map(BulkInsert::minimumRows).orElse(100);
            Statements statements = new Statements();
            conn.statementListener(statements);
            List<Row> keys = conn.executeReturning(numbered(table, seq, name, 0, 500).returning(id));
            if (conn.dialect().bulkInsert().isPresent()) {
                // the key generator's look-up (once per table), the draw, then the bulk statement: all through the one path
                assertThat(statements.kinds).containsExactly(StatementKind.QUERY, StatementKind.QUERY, StatementKind.COPY);
                assertThat(statements.sql.get(2)).isEqualTo(conn.dialect().bulkInsert().get().statement(table, List.of(id, seq, name)));
                assertThat(statements.sizes.get(2)).isEqualTo(500);
            } else {
                assertThat(statements.sql).allSatisfy(sql -> assertThat(sql).contains("RETURNING"));
            }
            Optional<List<Row>> drawn = conn.insertWithDrawnKeys(table, List.of(seq, name), numberedValues(500, 300));
            assertThat(drawn.isPresent()).isEqualTo(conn.dialect().bulkInsert().isPresent());
            List<Long> expected = new ArrayList<>(keys.stream().map(r -> r.get(id)).toList());
            drawn.ifPresent(rows -> rows.forEach(r -> expected.add(r.get(id))));
            assertThat(expected).doesNotHaveDuplicates();
            assertThat(idsBySeq(db)).containsExactlyElementsOf(expected);

            // not for fewer rows than the bulk path's minimum or with the keys given; other columns asked back: RETURNING
            assertThat(conn.insertWithDrawnKeys(table, List.of(seq, name), numberedValues(1_000, minimum - 1))).isEmpty();
            List<Object[]> givenKeys = new ArrayList<>();
            for (int n = 0; n < 200; n++) {
                givenKeys.add(new Object[] {100_000L + n, 1_000 + n});
            }
            assertThat(conn.insertWithDrawnKeys(table, List.of(id, seq), givenKeys)).isEmpty();
            assertThat(count(db, "SELECT count(*) FROM keyed")).isEqualTo(expected.size());
            statements.clear();
            List<Row> both = conn.executeReturning(numbered(table, seq, name, 1_000, 200).returning(id, name));
            assertThat(both).hasSize(200);
            assertThat(statements.sql).allSatisfy(sql -> assertThat(sql).contains("RETURNING"));
            expected.addAll(both.stream().map(r -> r.get(id)).toList());
            if (conn.dialect().bulkInsert().isPresent()) {
                // a value of the wrong type is named before anything is written or drawn
                List<Object[]> wrong = numberedValues(3_000, 200);
                wrong.get(150)[1] = 42;
                assertThatThrownBy(() -> conn.insertWithDrawnKeys(table, List.of(seq, name), wrong))
                        .isInstanceOf(AshlarException.class).hasMessageContaining("name").hasMessageContaining("row 151");
            }
            assertThat(count(db, "SELECT count(*) FROM keyed")).isEqualTo(expected.size());

            // a failure after the keys were drawn: the typed error, nothing written
            Insert clash = numbered(table, seq, name, 2_000, 300).nextRow().set(seq, 2_100).set(name, "clash");
            assertThat(catchThrowable(() -> conn.executeReturning(clash.returning(id)))).isInstanceOf(UniqueViolationException.class);
            assertThat(count(db, "SELECT count(*) FROM keyed")).isEqualTo(expected.size());

            // the key column's own default goes on after the drawn keys
            Long next = conn.insertReturning(insertInto(table).set(seq, 5_000)).get(id);
            assertThat(next).isGreaterThan(expected.stream().mapToLong(Long::longValue).max().orElseThrow());
        }
    }

    /** A table of generated {@code id}, unique {@code seq} and nullable {@code name}, in a metadata of its own. */
    private record KeyedTable(MetaData md, Table table, Column<Long> id, Column<Integer> seq, Column<String> name) {
        static KeyedTable named(String tableName) {
            MetaData md = new MetaData();
            Column<Long> id = Column.of("id", bigInteger()).primaryKey();
            Column<Integer> seq = Column.of("seq", integer()).notNull().unique();
            Column<String> name = Column.of("name", string(40));
            return new KeyedTable(md, md.table(tableName, id, seq, name), id, seq, name);
        }
    }

    private static Insert numbered(Table table, Column<Integer> seq, Column<String> name, int from, int count) {
        Insert insert = insertInto(table);
        for (int n = from; n < from + count; n++) {
            insert = (n > from ? insert.nextRow() : insert).set(seq, n).set(name, n % 5 == 0 ? null : "row " + n);
        }
        return insert;
    }

    /** {@code count} rows of (seq, name) values from {@code from} on, as {@link #numbered} sets them. */
    private static List<Object[]> numberedValues(int from, int count) {
        List<Object[]> rows = new ArrayList<>();
        for (int n = from; n < from + count; n++) {
            rows.add(new Object[] {n, n % 5 == 0 ? null : "row " + n});
        }
        return rows;
    }

    private static List<Long> idsBySeq(TestDatabase db) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (var c = db.openJdbc(); var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM keyed ORDER BY seq")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    @AllDatabases
    void keysAreNotDrawnForAColumnThatRefusesGivenValues(TestDatabase db) throws SQLException {
        KeyedTable keyed = KeyedTable.named("keyed");
        MetaData md = keyed.md();
        Table table = keyed.table();
        Column<Long> id = keyed.id();
        Column<Integer> seq = keyed.seq();
        Column<String> name = keyed.name();
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            // a key the database always generates and refuses given values for, where it has one (PostgreSQL's identity ALWAYS)
            java.util.Optional<String> refusing = db.vendor().keyRefusingGivenValues();
            if (refusing.isPresent()) {
                conn.executeSql(refusing.get());
            } else {
                SchemaDdl.createAll(conn, md);
            }
            assertThat(conn.insertWithDrawnKeys(table, List.of(seq, name), numberedValues(0, 300))).isEmpty();
            List<Row> keys = conn.executeReturning(numbered(table, seq, name, 0, 300).returning(id));
            assertThat(keys.stream().map(r -> r.get(id)).toList()).containsExactlyElementsOf(idsBySeq(db));
        }
    }
}
