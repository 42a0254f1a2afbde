package dev.ashlar.orm.internal;

import dev.ashlar.core.dialect.BulkInsert;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Row;
import dev.ashlar.core.error.AshlarException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Insert;
import dev.ashlar.core.sql.Sql;
import dev.ashlar.declarative.FieldMapping;
import dev.ashlar.orm.internal.InsertPlanner.InsertRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Inserts the new rows of one table with as few statements as possible. Rows whose values are all
 * known go into the JDBC batch; rows needing generated values back go out as multi-row INSERT ...
 * RETURNING, one statement per shape (the columns left to the database) and chunk. In a tree, where
 * a row references a new row of the same table, rows keep their order instead, and a row waits until
 * the row it references has its key. A run large enough for the
 * dialect's bulk path that needs only its generated key back draws the keys first and is written
 * with them ({@link Connection#insertWithDrawnKeys}: a key query and a COPY on PostgreSQL).
 */
public final class RowInserter {
    private final Table table;
    private final StatementBatch batch;
    private final UndoLog undo;
    private final Function<ObjectState, List<Object>> sameTableParents;
    private final Function<ObjectState, InsertRow> plan;
    private final List<InsertRow> group = new ArrayList<>();
    private final Set<Object> inGroup = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * An inserter into {@code table}. {@code plan} makes an object's row once its parents have keys;
     * {@code sameTableParents} gives the new objects of the same table an object references, or is
     * {@code null} when no new row of the table references another (see {@link TableOrder#anyHasParents}).
     */
    public RowInserter(Table table, StatementBatch batch, UndoLog undo, Function<ObjectState, List<Object>> sameTableParents,
                       Function<ObjectState, InsertRow> plan) {
        this.table = table;
        this.batch = batch;
        this.undo = undo;
        this.sameTableParents = sameTableParents;
        this.plan = plan;
    }

    /** Inserts the objects, given parents first, and sets what the database generated on them. */
    public void insertAll(List<ObjectState> ordered) {
        if (sameTableParents == null) {
            insertByShape(ordered);
            return;
        }
        // a tree: a row referencing a row of the open group waits until that group has its keys
        for (ObjectState s : ordered) {
            if (referencesGroup(s)) {
                runGroup(group);
                inGroup.clear();
            }
            InsertRow row = plan.apply(s);
            if (row.returning().isEmpty()) {
                runGroup(group);
                inGroup.clear();
                batch.add(Sql.insertInto(table).values(row.valuesByColumn()));
                continue;
            }
            if (!group.isEmpty() && !group.get(0).sameShape(row)) {
                runGroup(group);
                inGroup.clear();
            }
            group.add(row);
            inGroup.add(s.object);
        }
        runGroup(group);
        inGroup.clear();
    }

    /**
     * No new row of the table references another, so their order within the table is free: rows
     * are gathered by shape (which server-defaulted columns they leave to the database) and each
     * shape goes out as its own multi-row statements. Rows that set a defaulted column on some
     * objects and not on others would otherwise break the run at every change of shape, down to
     * one statement per row. Keys are drawn in add order within each shape.
     */
    private void insertByShape(List<ObjectState> ordered) {
        List<List<InsertRow>> shapes = new ArrayList<>(2);
        List<InsertRow> last = null;
        for (ObjectState s : ordered) {
            InsertRow row = plan.apply(s);
            if (row.returning().isEmpty()) {
                batch.add(Sql.insertInto(table).values(row.valuesByColumn()));
                continue;
            }
            if (last == null || !last.get(0).sameShape(row)) {
                last = null;
                for (List<InsertRow> shape : shapes) {
                    if (shape.get(0).sameShape(row)) {
                        last = shape;
                        break;
                    }
                }
                if (last == null) {
                    last = new ArrayList<>();
                    shapes.add(last);
                }
            }
            last.add(row);
        }
        for (List<InsertRow> shape : shapes) {
            runGroup(shape);
        }
    }

    private boolean referencesGroup(ObjectState s) {
        for (Object parent : sameTableParents.apply(s)) {
            if (inGroup.contains(parent)) {
                return true;
            }
        }
        return false;
    }

    private void runGroup(List<InsertRow> group) {
        if (group.isEmpty()) {
            return;
        }
        batch.run();
        List<FieldMapping> returning = group.get(0).returning();
        Column<?>[] columns = new Column<?>[returning.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = returning.get(i).column();
        }
        List<Object[]> rows = insertReturning(group, columns);
        if (rows.size() != group.size()) {
            throw new AshlarException("inserted " + group.size() + " rows into " + table.name() + " but got " + rows.size()
                    + " rows back; "
                    + "the database or its JDBC driver broke the RETURNING contract, so the transaction should be rolled back");
        }
        for (int i = 0; i < group.size(); i++) {
            Object[] values = rows.get(i);
            for (int j = 0; j < returning.size(); j++) {
                FieldMapping b = returning.get(j);
                undo.set(group.get(i).state(), b, Values.convert(values[j], b.column().type().javaType()));
            }
        }
        group.clear();
    }

    /** Each row's returned values, in the order of {@code columns}. */
    private List<Object[]> insertReturning(List<InsertRow> group, Column<?>[] columns) {
        Connection connection = batch.connection();
        if (group.get(0).columns().isEmpty()) {
            // no column to set (all generated): one DEFAULT VALUES insert per row
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < group.size(); i++) {
                rows.add(valuesOf(connection.insertReturning(Sql.insertInto(table).returning(columns)), columns));
            }
            return rows;
        }
        if (!connection.dialect().supportsInsertReturning()) {
            List<Object[]> rows = new ArrayList<>(group.size());
            for (Row row : connection.executeReturning(groupInsert(group).returning(columns))) {
                rows.add(valuesOf(row, columns));
            }
            return rows;
        }
        if (columns.length == 1 && group.size() >= connection.dialect().bulkInsert().map(BulkInsert::minimumRows).orElse(Integer.MAX_VALUE)) {
            List<Object[]> values = new ArrayList<>(group.size());
            for (InsertRow row : group) {
                values.add(row.values()); // in the order of the group's shared column list
            }
            Optional<List<Row>> drawn = connection.insertWithDrawnKeys(table, group.get(0).columns(), values);
            if (drawn.isPresent()) {
                List<Object[]> rows = new ArrayList<>(group.size());
                for (Row row : drawn.get()) {
                    rows.add(valuesOf(row, columns));
                }
                return rows;
            }
        }
        return insertWithTemplates(group, connection, columns);
    }

    /** The group's rows as one many-row insert. */
    private Insert groupInsert(List<InsertRow> group) {
        Insert insert = Sql.insertInto(table);
        for (InsertRow row : group) {
            insert = insert.values(row.valuesByColumn());
        }
        return insert;
    }

    /**
     * The rows as multi-row INSERT ... RETURNING statements compiled once per model and row count
     * ({@link ModelMeta#insertTemplate}): the planned values are bound straight into them.
     */
    private List<Object[]> insertWithTemplates(List<InsertRow> group, Connection connection, Column<?>[] returning) {
        List<Column<?>> columns = group.get(0).columns();
        List<Column<?>> returned = List.of(returning);
        int perStatement = Math.max(1, Math.min(MAX_ROWS, MAX_PARAMETERS / columns.size()));
        List<Object[]> out = new ArrayList<>(group.size());
        for (int from = 0; from < group.size(); from += perStatement) {
            int to = Math.min(group.size(), from + perStatement);
            Object[] values = new Object[(to - from) * columns.size()];
            int n = 0;
            for (int r = from; r < to; r++) {
                // rows of one group share their column list, in the same order
                Object[] row = group.get(r).values();
                System.arraycopy(row, 0, values, n, row.length);
                n += row.length;
            }
            out.addAll(connection.query(group.get(0).state().meta.insertTemplate(table, columns, to - from, returned), values)
                    .mapValues(v -> v));
        }
        return out;
    }

    private static Object[] valuesOf(Row row, Column<?>[] columns) {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = row.get(columns[i]);
        }
        return values;
    }

    /** Rows per multi-row statement, as core's batches. */
    private static final int MAX_ROWS = 1_000;
    /** Bound values per statement, below the lowest database limit (SQLite's 32,766). */
    private static final int MAX_PARAMETERS = 30_000;
}
