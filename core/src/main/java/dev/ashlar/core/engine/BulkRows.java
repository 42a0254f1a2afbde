package dev.ashlar.core.engine;

import dev.ashlar.core.dialect.BulkInsert;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Expression;
import dev.ashlar.core.sql.Param;
import dev.ashlar.core.types.SqlType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A run of consecutive rows of a many-row insert that goes through the dialect's {@link BulkInsert}:
 * at least its {@link BulkInsert#minimumRows() minimum} of rows, each setting the same columns in the
 * same order to bound values of the same types, every type one the bulk path can write. Rows with an
 * SQL expression, rows of another shape and short runs are left to the JDBC batches.
 */
final class BulkRows {
    private final BulkInsert bulk;
    private final Table table;
    private final List<Map<Column<?>, Expression<?>>> rows;
    private final int from;
    private final int to;
    private final List<Column<?>> columns;
    private final List<SqlType<?>> types;

    private BulkRows(BulkInsert bulk, Table table, List<Map<Column<?>, Expression<?>>> rows, int from, int to, List<SqlType<?>> types) {
        this.bulk = bulk;
        this.table = table;
        this.rows = rows;
        this.from = from;
        this.to = to;
        this.columns = List.copyOf(rows.get(from).keySet());
        this.types = types;
    }

    /** The runs of {@code rows} worth the bulk path, in order and without overlap. */
    static List<BulkRows> runs(BulkInsert bulk, Table table, List<Map<Column<?>, Expression<?>>> rows) {
        List<BulkRows> runs = new ArrayList<>();
        int minimum = Math.max(bulk.minimumRows(), 1);
        int start = 0;
        while (rows.size() - start >= minimum) {
            List<SqlType<?>> types = writableTypes(bulk, rows.get(start));
            int end = start + 1;
            if (types != null) {
                while (end < rows.size() && sameShape(rows.get(end), rows.get(start), types)) {
                    end++;
                }
                if (end - start >= minimum) {
                    runs.add(new BulkRows(bulk, table, rows, start, end, types));
                }
            }
            start = end;
        }
        return runs;
    }

    /** The types of the row's values when every one is a bound value the bulk path can write, else {@code null}. */
    private static List<SqlType<?>> writableTypes(BulkInsert bulk, Map<Column<?>, Expression<?>> row) {
        if (row.isEmpty()) {
            return null;
        }
        List<SqlType<?>> types = new ArrayList<>(row.size());
        for (Expression<?> value : row.values()) {
            if (!(value instanceof Param<?> p) || !bulk.canWrite(p.type())) {
                return null;
            }
            types.add(p.type());
        }
        return types;
    }

    /** Whether {@code row} sets the columns of {@code first}, in the same order, to bound values of {@code types}. */
    private static boolean sameShape(Map<Column<?>, Expression<?>> row, Map<Column<?>, Expression<?>> first, List<SqlType<?>> types) {
        if (row.size() != first.size()) {
            return false;
        }
        Iterator<Column<?>> expected = first.keySet().iterator();
        int i = 0;
        for (Map.Entry<Column<?>, Expression<?>> e : row.entrySet()) {
            if (e.getKey() != expected.next() || !(e.getValue() instanceof Param<?> p)) {
                return false;
            }
            SqlType<?> type = types.get(i++);
            if (p.type() != type && !p.type().equals(type)) {
                return false;
            }
        }
        return true;
    }

    /** Index of the run's first row. */
    int from() {
        return from;
    }

    /** Index after the run's last row. */
    int to() {
        return to;
    }

    /** Writes the run's rows and returns how many the database wrote; reported and logged as one statement. */
    int write(StatementRunner runner) {
        return write(runner, bulk, table, columns, types, new Values(), to - from, BatchWriter.values(rows.get(from)));
    }

    /**
     * Writes {@code count} rows of {@code columns} through {@code bulk}, reported to the listener and the
     * echo log as one statement, failures translated with the statement and the first row's values.
     */
    static int write(StatementRunner runner, BulkInsert bulk, Table table, List<Column<?>> columns, List<SqlType<?>> types,
                     Iterator<Object[]> rows, int count, List<Object> firstValues) {
        String sql = bulk.statement(table, columns);
        long written = runner.execute(StatementKind.COPY, sql, table, count, true, () -> firstValues,
                () -> bulk.write(runner.jdbc(), sql, types, rows), n -> n, " -- " + count + " rows, first row's values:");
        return Math.toIntExact(written);
    }

    /** Each row's values in column order, made as the bulk path reads them. */
    private final class Values implements Iterator<Object[]> {
        private int next = from;

        @Override
        public boolean hasNext() {
            return next < to;
        }

        @Override
        public Object[] next() {
            if (next >= to) {
                throw new NoSuchElementException("no more rows; ask hasNext() first");
            }
            Object[] values = new Object[columns.size()];
            int i = 0;
            for (Expression<?> value : rows.get(next++).values()) {
                values[i++] = ((Param<?>) value).value();
            }
            return values;
        }
    }
}
