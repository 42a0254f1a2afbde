package dev.ashlar.core.engine;

import dev.ashlar.core.dialect.BulkInsert;
import dev.ashlar.core.dialect.CompiledSql;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.Feature;
import dev.ashlar.core.dialect.ValueCodec;
import dev.ashlar.core.error.AshlarException;
import dev.ashlar.core.error.UsageException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Expression;
import dev.ashlar.core.sql.Insert;
import dev.ashlar.core.sql.Param;
import dev.ashlar.core.types.SqlType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes many rows in few round trips. Plain inserts take the dialect's bulk path where it has one
 * (PostgreSQL's COPY, see {@link BulkRows}) and otherwise go out as JDBC batches of one prepared
 * statement, which the drivers send compactly (pgjdbc rewrites them into multi-row INSERTs, MariaDB
 * Connector/J uses its bulk protocol, SQLite steps one compiled statement). Inserts that
 * return rows use multi-row {@code VALUES (...), (...)} with RETURNING, in chunks that stay under
 * each database's parameter limit. A write of several batches runs in one transaction (or in the
 * caller's), so it is all or nothing like a single statement.
 */
final class BatchWriter {
    /** Rows per JDBC batch or per multi-row statement. */
    static final int BATCH_SIZE = 1_000;
    /** Bound parameters per statement, below the lowest limit (SQLite's 32,766; PostgreSQL's and MariaDB's 65,535). */
    static final int MAX_PARAMETERS = 30_000;

    /** The connection, for its transactions. */
    private final Connection connection;
    private final StatementRunner runner;
    private final Dialect dialect;

    BatchWriter(Connection connection) {
        this.connection = connection;
        this.runner = connection.runner();
        this.dialect = connection.dialect();
    }

    /**
     * Inserts every row and returns how many rows the database reports as written. Where the dialect
     * has a {@link BulkInsert bulk path}, long enough runs of plain rows take it (see {@link BulkRows});
     * the rest go out as JDBC batches, in the rows' order, all in one transaction.
     */
    int execute(Insert insert) {
        runner.checkOpen();
        List<Map<Column<?>, Expression<?>>> rows = insert.rowsWithDefaults();
        BulkInsert bulk = insert.onConflict() == null ? dialect.bulkInsert().orElse(null) : null;
        return inTransaction(() -> bulk == null ? batch(insert, rows) : write(insert, rows, bulk));
    }

    /** Writes the runs of {@code rows} worth the bulk path through it and the other rows as batches, in order. */
    private int write(Insert insert, List<Map<Column<?>, Expression<?>>> rows, BulkInsert bulk) {
        int total = 0;
        int batched = 0;
        for (BulkRows run : BulkRows.runs(bulk, insert.table(), rows)) {
            total += batch(insert, rows.subList(batched, run.from()));
            total += run.write(runner);
            batched = run.to();
        }
        return total + batch(insert, rows.subList(batched, rows.size()));
    }

    /**
     * Inserts rows given as arrays of {@code columns}' values with keys drawn from the generator of the
     * table's key first, written through the dialect's bulk path; gives back the keys, one {@link Row}
     * of the key per row, or empty with nothing written when that cannot be done (see
     * {@link Connection#insertWithDrawnKeys}).
     */
    Optional<List<Row>> insertWithDrawnKeys(Table table, List<Column<?>> columns, List<Object[]> rows) {
        runner.checkOpen();
        BulkInsert bulk = dialect.bulkInsert().orElse(null);
        Column<?> key = bulk == null || rows.size() < bulk.minimumRows() ? null : drawableKey(table, columns, bulk);
        String draw = key == null ? null : keyDrawQuery(bulk, table, key);
        if (draw == null) {
            return Optional.empty();
        }
        checkValues(table, columns, rows);
        return Optional.of(inTransaction(() -> writeWithDrawnKeys(bulk, draw, table, key, columns, rows)));
    }

    /**
     * The table's key when its values can be drawn for rows setting {@code columns}: the one primary
     * key column, autoincrement, without client default, not among {@code columns}, every column of a
     * type the bulk path writes; else {@code null}.
     */
    private static Column<?> drawableKey(Table table, List<Column<?>> columns, BulkInsert bulk) {
        List<Column<?>> primaryKey = table.primaryKey();
        if (primaryKey.size() != 1) {
            return null;
        }
        Column<?> key = primaryKey.get(0);
        if (!key.isAutoincrement() || key.clientDefault() != null || columns.isEmpty() || columns.contains(key) || !bulk.canWrite(key.type())) {
            return null;
        }
        for (Column<?> column : columns) {
            if (!bulk.canWrite(column.type())) {
                return null;
            }
        }
        return key;
    }

    /** The dialect's key draw query, its look-ups sent through the runner like every other statement. */
    private String keyDrawQuery(BulkInsert bulk, Table table, Column<?> key) {
        return bulk.keyDrawQuery((sql, values) -> {
            try (Result result = runner.query(null, sql, 0, ps -> {
                for (int i = 0; i < values.size(); i++) {
                    ps.setObject(i + 1, values.get(i));
                }
            }, null, () -> values)) {
                Row first = result.first();
                return first == null ? null : first.values();
            }
        }, table, key).orElse(null);
    }

    /** Every row has one value per column, each of the column's Java type or null, checked before anything is written. */
    private static void checkValues(Table table, List<Column<?>> columns, List<Object[]> rows) {
        table.requireOwnColumns(columns.toArray(new Column<?>[0]));
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            if (row.length != columns.size()) {
                throw new UsageException("row " + (r + 1) + " for " + table.name() + " has " + row.length + " values for "
                        + columns.size() + " columns");
            }
            for (int c = 0; c < row.length; c++) {
                Class<?> javaType = columns.get(c).type().javaType();
                if (row[c] != null && !javaType.isInstance(row[c])) {
                    throw new UsageException("column " + columns.get(c).describe() + " takes " + javaType.getSimpleName() + " values, not "
                            + row[c].getClass().getSimpleName() + " (" + row[c] + "), in row " + (r + 1));
                }
            }
        }
    }

    /** Draws one key per row, writes the rows with their keys (no RETURNING needed) and gives the keys back. */
    private List<Row> writeWithDrawnKeys(BulkInsert bulk, String draw, Table table, Column<?> key, List<Column<?>> columns, List<Object[]> rows) {
        int count = rows.size();
        List<Row> keys = runner.query(null, draw, 0, ps -> ps.setInt(1, count), List.of(key), () -> List.of(count)).list();
        if (keys.size() != count) {
            throw new AshlarException("drew " + keys.size() + " keys for " + count + " rows of " + table.name());
        }
        List<Column<?>> keyed = new ArrayList<>(columns.size() + 1);
        keyed.add(key);
        keyed.addAll(columns);
        List<SqlType<?>> types = new ArrayList<>(keyed.size());
        keyed.forEach(c -> types.add(c.type()));
        Object[] buffer = new Object[keyed.size()];
        Iterator<Object[]> values = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Object[] next() {
                // one array for every row: the bulk path reads each row before it asks for the next
                buffer[0] = keys.get(next).get(0);
                System.arraycopy(rows.get(next), 0, buffer, 1, columns.size());
                next++;
                return buffer;
            }
        };
        List<Object> firstValues = new ArrayList<>(keyed.size());
        firstValues.add(keys.get(0).get(0));
        firstValues.addAll(Arrays.asList(rows.get(0)));
        int written = BulkRows.write(runner, bulk, table, keyed, types, values, count, firstValues);
        if (written != count) {
            throw new AshlarException("wrote " + written + " of " + count + " rows with drawn keys into " + table.name());
        }
        return keys;
    }

    /**
     * The rows as value arrays when they all set the same columns, in the same order, to bound values
     * of the columns' own types (what {@link #insertWithDrawnKeys} takes), else {@code null}.
     */
    private static List<Object[]> plainRows(List<Map<Column<?>, Expression<?>>> rows) {
        List<Column<?>> columns = List.copyOf(rows.get(0).keySet());
        List<Object[]> arrays = new ArrayList<>(rows.size());
        for (Map<Column<?>, Expression<?>> row : rows) {
            if (row.size() != columns.size()) {
                return null;
            }
            Object[] values = new Object[columns.size()];
            int i = 0;
            for (Map.Entry<Column<?>, Expression<?>> e : row.entrySet()) {
                if (e.getKey() != columns.get(i) || !(e.getValue() instanceof Param<?> p) || !p.type().equals(e.getKey().type())) {
                    return null;
                }
                values[i++] = p.value();
            }
            arrays.add(values);
        }
        return arrays;
    }

    /** Inserts {@code rows} as JDBC batches of one prepared statement per shape of row. */
    private int batch(Insert insert, List<Map<Column<?>, Expression<?>>> rows) {
        int total = 0;
        PreparedStatement ps = null;
        String sql = null;
        List<Object> firstValues = List.of();
        int pending = 0;
        long start = System.nanoTime();
        // Columns of the statement being batched when its parameters are exactly a row's values:
        // rows of that shape are then bound straight away, without compiling the statement again.
        Column<?>[] shape = null;
        ValueCodec<?>[] codecs = null; // of the shape's columns' types, looked up once per shape
        try {
            for (Map<Column<?>, Expression<?>> row : rows) {
                if (shape != null && sameShape(row, shape)) {
                    if (pending == 0) {
                        firstValues = values(row);
                        start = System.nanoTime();
                    }
                    bindRow(ps, row, codecs);
                    ps.addBatch();
                    if (++pending == BATCH_SIZE) {
                        total += flush(insert, ps, sql, firstValues, pending);
                        pending = 0;
                    }
                    continue;
                }
                CompiledSql compiled = dialect.compile(insert.withRows(List.of(row)));
                // Rows setting other columns (or other expressions) need their own statement.
                if (!compiled.sql().equals(sql)) {
                    total += flush(insert, ps, sql, firstValues, pending);
                    release(ps, sql);
                    ps = null;
                    pending = 0;
                    sql = compiled.sql();
                    ps = runner.prepare(sql, sql, 0);
                }
                shape = directShape(row, compiled);
                codecs = shape == null ? null : codecs(shape);
                if (pending == 0) {
                    firstValues = compiled.parameterValues();
                    start = System.nanoTime();
                }
                runner.bind(ps, compiled.parameters());
                ps.addBatch();
                if (++pending == BATCH_SIZE) {
                    total += flush(insert, ps, sql, firstValues, pending);
                    pending = 0;
                }
            }
            total += flush(insert, ps, sql, firstValues, pending);
            release(ps, sql);
            ps = null;
            return total;
        } catch (SQLException e) {
            throw runner.translate(e, sql, firstValues);
        } finally {
            // only a failed write gets here with a statement: its state is unknown, so it is not reused
            StatementCache.discard(ps);
        }
    }

    /**
     * The row's columns in order when the compiled statement's parameters are exactly the row's
     * values in that order (every value a bound parameter); else {@code null}, and rows are compiled.
     */
    private static Column<?>[] directShape(Map<Column<?>, Expression<?>> row, CompiledSql compiled) {
        List<Param<?>> params = compiled.parameters();
        if (params.size() != row.size()) {
            return null;
        }
        Column<?>[] columns = new Column<?>[row.size()];
        int i = 0;
        for (Map.Entry<Column<?>, Expression<?>> e : row.entrySet()) {
            if (e.getValue() != params.get(i)) {
                return null;
            }
            columns[i++] = e.getKey();
        }
        return columns;
    }

    /** Whether the row sets exactly {@code columns}, in that order, each to a bound parameter. */
    private static boolean sameShape(Map<Column<?>, Expression<?>> row, Column<?>[] columns) {
        if (row.size() != columns.length) {
            return false;
        }
        int i = 0;
        for (Map.Entry<Column<?>, Expression<?>> e : row.entrySet()) {
            if (e.getKey() != columns[i++] || !(e.getValue() instanceof Param<?>)) {
                return false;
            }
        }
        return true;
    }

    private ValueCodec<?>[] codecs(Column<?>[] columns) {
        ValueCodec<?>[] codecs = new ValueCodec<?>[columns.length];
        for (int i = 0; i < columns.length; i++) {
            codecs[i] = dialect.codec(columns[i].type());
        }
        return codecs;
    }

    /**
     * Checks and binds a row of the batch's shape, whose {@code codecs} are those of its columns' types: a parameter
     * of its column's type (every one that {@code Insert.set} makes) is bound with its column's codec, any other with
     * its own type's.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void bindRow(PreparedStatement ps, Map<Column<?>, Expression<?>> row, ValueCodec<?>[] codecs) throws SQLException {
        int i = 0;
        for (Map.Entry<Column<?>, Expression<?>> entry : row.entrySet()) {
            Param p = (Param) entry.getValue();
            Column<?> column = entry.getKey();
            ValueCodec codec = codecs[i];
            dialect.checkWritable(column, codec, p.value());
            (p.type() == column.type() ? codec : dialect.codec(p.type())).bind(ps, ++i, p.value());
        }
    }

    static List<Object> values(Map<Column<?>, Expression<?>> row) {
        List<Object> values = new ArrayList<>(row.size());
        for (Expression<?> value : row.values()) {
            values.add(((Param<?>) value).value());
        }
        return values;
    }

    /** Sends the rows bound so far as one JDBC batch, through the runner; how many rows it wrote. */
    private int flush(Insert insert, PreparedStatement ps, String sql, List<Object> firstValues, int pending) {
        if (pending == 0) {
            return 0;
        }
        // SUCCESS_NO_INFO: the driver wrote the row but cannot say how many rows changed; it counts as one.
        int[] counts = runner.execute(StatementKind.INSERT, sql, insert, pending, true, () -> firstValues, ps::executeBatch,
                StatementRunner::rowsOf, " -- batch of " + pending + " rows, first row's values:");
        return Math.toIntExact(StatementRunner.rowsOf(counts));
    }

    /** Inserts every row (or the select's rows) and returns the requested columns of each. */
    List<Row> insertReturning(Insert insert) {
        runner.checkOpen();
        if (insert.select() != null || insert.rowCount() == 1) {
            CompiledSql compiled = dialect.compile(insert);
            if (dialect.supportsInsertReturning()) {
                return runner.query(insert, compiled, insert.returning(), 0).list();
            }
            if (insert.select() != null) {
                throw dialect.unsupported(Feature.INSERT_RETURNING, "rows inserted into " + insert.table().name() + " from a select");
            }
        }
        List<Map<Column<?>, Expression<?>>> rows = insert.rowsWithDefaults();
        if (!dialect.supportsInsertReturning()) {
            return generatedKeys(insert, insert.returning(), rows);
        }
        // Keys drawn first and the rows written with them, where the dialect can: see insertWithDrawnKeys
        int minimum = dialect.bulkInsert().map(BulkInsert::minimumRows).orElse(Integer.MAX_VALUE);
        if (rows.size() >= minimum && insert.onConflict() == null && insert.returning().equals(insert.table().primaryKey())) {
            List<Object[]> plain = plainRows(rows);
            if (plain != null) {
                Optional<List<Row>> keys = insertWithDrawnKeys(insert.table(), List.copyOf(rows.get(0).keySet()), plain);
                if (keys.isPresent()) {
                    return keys.get();
                }
            }
        }
        return inTransaction(() -> {
            List<Row> out = new ArrayList<>(rows.size());
            for (List<Map<Column<?>, Expression<?>>> chunk : chunks(rows)) {
                CompiledSql compiled = dialect.compile(insert.withRows(chunk));
                out.addAll(runner.query(insert, compiled, insert.returning(), 0).list());
            }
            return out;
        });
    }

    /**
     * Row by row with {@code RETURN_GENERATED_KEYS}, for databases without INSERT ... RETURNING:
     * only the generated key can come back, read from the first column of the generated keys.
     */
    List<Row> generatedKeys(Insert insert, List<Column<?>> returning, List<Map<Column<?>, Expression<?>>> rows) {
        if (returning.size() != 1) {
            throw dialect.unsupported(Feature.INSERT_RETURNING, "returning " + returning + "; only the one generated key can come back");
        }
        String[] keyNames = {returning.get(0).name()};
        return inTransaction(() -> {
            List<Row> out = new ArrayList<>(rows.size());
            for (Map<Column<?>, Expression<?>> row : rows) {
                CompiledSql compiled = dialect.compile(insert.withRows(List.of(row)));
                out.add(runner.execute(StatementKind.INSERT, compiled.sql(), insert, 1, false, compiled::parameterValues, () -> {
                    try (PreparedStatement ps = prepareForKeys(compiled.sql(), keyNames)) {
                        runner.bind(ps, compiled.parameters());
                        ps.executeUpdate();
                        try (ResultSet keys = ps.getGeneratedKeys()) {
                            if (!keys.next()) {
                                throw new AshlarException("the driver returned no generated key for " + compiled.sql());
                            }
                            return RowShape.of(dialect, returning, keys).read(keys);
                        }
                    }
                }, key -> 1, null));
            }
            return out;
        });
    }

    private PreparedStatement prepareForKeys(String sql, String[] keyNames) throws SQLException {
        try {
            return runner.jdbc().prepareStatement(sql, keyNames);
        } catch (SQLFeatureNotSupportedException e) {
            return runner.jdbc().prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
        }
    }

    /** Consecutive rows setting the same columns, at most {@link #BATCH_SIZE} rows and {@link #MAX_PARAMETERS} values each. */
    static List<List<Map<Column<?>, Expression<?>>>> chunks(List<Map<Column<?>, Expression<?>>> rows) {
        List<List<Map<Column<?>, Expression<?>>>> chunks = new ArrayList<>();
        List<Map<Column<?>, Expression<?>>> current = new ArrayList<>();
        int parameters = 0;
        for (Map<Column<?>, Expression<?>> row : rows) {
            boolean fits = current.isEmpty() || (current.size() < BATCH_SIZE && parameters + row.size() <= MAX_PARAMETERS
                    && current.get(0).keySet().equals(row.keySet()));
            if (!fits) {
                chunks.add(current);
                current = new ArrayList<>();
                parameters = 0;
            }
            current.add(row);
            parameters += row.size();
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private interface Work<T> {
        T run();
    }

    /** Runs {@code work} in the caller's transaction, or in a new one that commits only if it all succeeds. */
    private <T> T inTransaction(Work<T> work) {
        if (connection.inTransaction() || connection.inCursorTransaction()) {
            return work.run();
        }
        try (Transaction tx = connection.begin()) {
            T result = work.run();
            tx.commit();
            return result;
        }
    }

    private void release(PreparedStatement ps, String sql) {
        if (ps != null) {
            runner.release(sql, ps);
        }
    }
}
