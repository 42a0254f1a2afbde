package dev.ashlar.core.engine;

import dev.ashlar.core.dialect.BulkInsert;
import dev.ashlar.core.dialect.CompiledSql;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.error.AshlarException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.sql.Expression;
import dev.ashlar.core.sql.Param;
import dev.ashlar.core.sql.Insert;
import dev.ashlar.core.sql.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
     * Inserts the rows with keys drawn from the key's generator first, when the insert asks back only
     * its table's generated key and the dialect's bulk path can draw it (see {@link BulkInsert#keyDrawQuery});
     * empty, with nothing written, otherwise.
     */
    Optional<List<Row>> insertWithDrawnKeys(Insert insert) {
        runner.checkOpen();
        BulkInsert bulk = dialect.bulkInsert().orElse(null);
        String draw = bulk == null ? null : keyDrawQuery(insert, insert.rowCount(), bulk);
        if (draw == null) {
            return Optional.empty();
        }
        List<Map<Column<?>, Expression<?>>> rows = insert.rowsWithDefaults();
        if (setsKey(rows, insert.returning().get(0))) {
            return Optional.empty();
        }
        return Optional.of(inTransaction(() -> writeWithDrawnKeys(insert, rows, bulk, draw)));
    }

    /**
     * The query drawing keys for {@code rowCount} rows of {@code insert}, or {@code null} when the
     * insert is not one whose keys can be drawn: it must ask back exactly its table's autoincrement
     * primary key, have enough rows for the bulk path and no conflict handling.
     */
    private String keyDrawQuery(Insert insert, int rowCount, BulkInsert bulk) {
        if (insert.select() != null || insert.onConflict() != null || rowCount < bulk.minimumRows() || insert.returning().size() != 1) {
            return null;
        }
        Column<?> key = insert.returning().get(0);
        List<Column<?>> primaryKey = insert.table().primaryKey();
        if (primaryKey.size() != 1 || primaryKey.get(0) != key || !key.isAutoincrement() || key.clientDefault() != null || !bulk.canWrite(key.type())) {
            return null;
        }
        try {
            return bulk.keyDrawQuery(runner.jdbc(), insert.table(), key).orElse(null);
        } catch (SQLException e) {
            throw runner.translate(e, "-- looking up the key generator of " + insert.table().name() + "." + key.name(), List.of());
        }
    }

    private static boolean setsKey(List<Map<Column<?>, Expression<?>>> rows, Column<?> key) {
        for (Map<Column<?>, Expression<?>> row : rows) {
            if (row.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    private static <T> Param<T> keyParam(Column<T> key, Row drawn) {
        return Param.of(drawn.get(key), key.type());
    }

    /** Draws one key per row, writes the rows with their keys (no RETURNING needed) and gives the keys back. */
    private List<Row> writeWithDrawnKeys(Insert insert, List<Map<Column<?>, Expression<?>>> rows, BulkInsert bulk, String draw) {
        Column<?> key = insert.returning().get(0);
        int count = rows.size();
        List<Row> keys = runner.query(draw, 0, ps -> ps.setInt(1, count), List.of(key), () -> List.of(count)).list();
        if (keys.size() != count) {
            throw new AshlarException("drew " + keys.size() + " keys for " + count + " rows of " + insert.table().name());
        }
        List<Map<Column<?>, Expression<?>>> keyed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<Column<?>, Expression<?>> row = new LinkedHashMap<>();
            row.put(key, keyParam(key, keys.get(i)));
            row.putAll(rows.get(i));
            keyed.add(row);
        }
        // a plain insert of the same table: the rows now carry what RETURNING would have read
        int written = write(Sql.insertInto(insert.table()), keyed, bulk);
        if (written != count) {
            throw new AshlarException("wrote " + written + " of " + count + " rows with drawn keys into " + insert.table().name());
        }
        return keys;
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
        try {
            for (Map<Column<?>, Expression<?>> row : rows) {
                if (shape != null && sameShape(row, shape)) {
                    if (pending == 0) {
                        firstValues = values(row);
                        start = System.nanoTime();
                    }
                    bindRow(ps, row);
                    ps.addBatch();
                    if (++pending == BATCH_SIZE) {
                        total += flush(ps, sql, firstValues, pending, start);
                        pending = 0;
                    }
                    continue;
                }
                CompiledSql compiled = dialect.compile(insert.withRows(List.of(row)));
                // Rows setting other columns (or other expressions) need their own statement.
                if (!compiled.sql().equals(sql)) {
                    total += flush(ps, sql, firstValues, pending, start);
                    release(ps, sql);
                    ps = null;
                    pending = 0;
                    sql = compiled.sql();
                    ps = runner.prepare(sql, sql, 0);
                }
                shape = directShape(row, compiled);
                if (pending == 0) {
                    firstValues = compiled.parameterValues();
                    start = System.nanoTime();
                }
                runner.bind(ps, compiled.parameters());
                ps.addBatch();
                if (++pending == BATCH_SIZE) {
                    total += flush(ps, sql, firstValues, pending, start);
                    pending = 0;
                }
            }
            total += flush(ps, sql, firstValues, pending, start);
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

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void bindRow(PreparedStatement ps, Map<Column<?>, Expression<?>> row) throws SQLException {
        int i = 1;
        for (Expression<?> value : row.values()) {
            Param p = (Param) value;
            dialect.codec(p.type()).bind(ps, i++, p.value());
        }
    }

    static List<Object> values(Map<Column<?>, Expression<?>> row) {
        List<Object> values = new ArrayList<>(row.size());
        for (Expression<?> value : row.values()) {
            values.add(((Param<?>) value).value());
        }
        return values;
    }

    private int flush(PreparedStatement ps, String sql, List<Object> firstValues, int pending, long start) throws SQLException {
        if (pending == 0) {
            return 0;
        }
        int total = 0;
        int[] counts = ps.executeBatch();
        runner.notifyListener(sql, pending);
        for (int count : counts) {
            // SUCCESS_NO_INFO: the driver wrote the row but cannot say how many rows changed.
            total += count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
        }
        if (runner.echo().on()) {
            runner.echo().statement(sql + " -- batch of " + pending + " rows, first row's values:", firstValues, start, total, "rows affected");
        }
        return total;
    }

    /** Inserts every row (or the select's rows) and returns the requested columns of each. */
    List<Row> insertReturning(Insert insert) {
        runner.checkOpen();
        if (insert.select() != null || insert.rowCount() == 1) {
            CompiledSql compiled = dialect.compile(insert);
            if (dialect.supportsInsertReturning()) {
                return runner.query(compiled, insert.returning(), 0).list();
            }
            if (insert.select() != null) {
                throw new AshlarException(dialect.name() + " has no INSERT ... RETURNING, so rows inserted from a select cannot be returned");
            }
        }
        List<Map<Column<?>, Expression<?>>> rows = insert.rowsWithDefaults();
        if (!dialect.supportsInsertReturning()) {
            return generatedKeys(insert, insert.returning(), rows);
        }
        BulkInsert bulk = dialect.bulkInsert().orElse(null);
        String draw = bulk == null ? null : keyDrawQuery(insert, rows.size(), bulk);
        if (draw != null && !setsKey(rows, insert.returning().get(0))) {
            return inTransaction(() -> writeWithDrawnKeys(insert, rows, bulk, draw));
        }
        return inTransaction(() -> {
            List<Row> out = new ArrayList<>(rows.size());
            for (List<Map<Column<?>, Expression<?>>> chunk : chunks(rows)) {
                CompiledSql compiled = dialect.compile(insert.withRows(chunk));
                out.addAll(runner.query(compiled, insert.returning(), 0).list());
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
            throw new AshlarException("without INSERT ... RETURNING only the one generated key can be returned, not " + returning);
        }
        String[] keyNames = {returning.get(0).name()};
        return inTransaction(() -> {
            List<Row> out = new ArrayList<>(rows.size());
            for (Map<Column<?>, Expression<?>> row : rows) {
                CompiledSql compiled = dialect.compile(insert.withRows(List.of(row)));
                long start = System.nanoTime();
                try (PreparedStatement ps = prepareForKeys(compiled.sql(), keyNames)) {
                    runner.bind(ps, compiled.parameters());
                    ps.executeUpdate();
                    runner.notifyListener(compiled.sql(), 1);
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        if (!keys.next()) {
                            throw new AshlarException("the driver returned no generated key for " + compiled.sql());
                        }
                        out.add(RowShape.of(dialect, returning, keys).read(keys));
                    }
                    if (runner.echo().on()) {
                        runner.echo().statement(compiled.sql(), compiled.parameterValues(), start, 1, "rows affected");
                    }
                } catch (SQLException e) {
                    throw runner.translate(e, compiled.sql(), compiled.parameterValues());
                }
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
