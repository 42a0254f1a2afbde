package dev.ashlar.compliance;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.types.Types.integer;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test helper: creates a table {@code rt_<n>} with an integer key and one column {@code v} of a type,
 * inserts values through Ashlar and reads them back in insertion order.
 */
final class RoundTrip {
    private static final AtomicInteger TABLES = new AtomicInteger();

    private RoundTrip() {
    }

    /** The table and its value column, after the table was created. */
    record ValueTable<T>(Table table, Column<Integer> id, Column<T> value) {
    }

    /** Creates a fresh table with one value column of {@code type}. */
    static <T> ValueTable<T> create(Connection conn, SqlType<T> type) {
        MetaData md = new MetaData();
        Column<Integer> id = Column.of("id", integer()).primaryKey().autoincrement(false);
        Column<T> v = Column.of("v", type);
        Table table = md.table("rt_" + TABLES.incrementAndGet(), id, v);
        SchemaDdl.createAll(conn, md);
        return new ValueTable<>(table, id, v);
    }

    /** Inserts every value (nulls allowed) and returns what the database gives back, in the same order. */
    static <T> List<T> roundTrip(Connection conn, SqlType<T> type, List<T> values) {
        ValueTable<T> t = create(conn, type);
        insert(conn, t, values);
        return read(conn, t);
    }

    static <T> void insert(Connection conn, ValueTable<T> t, List<T> values) {
        for (int i = 0; i < values.size(); i++) {
            conn.execute(insertInto(t.table()).set(t.id(), i + 1).set(t.value(), values.get(i)));
        }
    }

    static <T> List<T> read(Connection conn, ValueTable<T> t) {
        List<T> out = new ArrayList<>();
        conn.query(select(t.value()).from(t.table()).orderBy(t.id())).list().forEach(r -> out.add(r.get(t.value())));
        return out;
    }
}
