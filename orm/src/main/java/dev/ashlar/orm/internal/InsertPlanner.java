package dev.ashlar.orm.internal;

import dev.ashlar.core.schema.Column;
import dev.ashlar.declarative.FieldMapping;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out the row one new object inserts: which columns get a value, which the database fills
 * in and sends back (generated keys, server defaults), and the values the session fills itself
 * (first version, client defaults). A nullable column without a default gets an explicit NULL
 * rather than being left out, so that the rows of one table share one column list and go out as
 * one multi-row INSERT.
 */
public final class InsertPlanner {
    /**
     * One row to insert.
     *
     * @param state     the new object
     * @param columns   the columns given a value, in binding order (one list shared by the consecutive rows of a shape)
     * @param values    their values, NULLs included, in the order of {@code columns}
     * @param returning the bindings the database fills in, to read back
     */
    public record InsertRow(ObjectState state, List<Column<?>> columns, Object[] values, List<FieldMapping> returning) {
        /** Whether this row and {@code other} can share one multi-row statement (same columns in the same order). */
        public boolean sameShape(InsertRow other) {
            return columns.equals(other.columns) && returning.equals(other.returning);
        }

        /** The values by column, for the statements built as {@link dev.ashlar.core.sql.Insert}s. */
        public Map<Column<?>, Object> valuesByColumn() {
            Map<Column<?>, Object> byColumn = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                byColumn.put(columns.get(i), values[i]);
            }
            return byColumn;
        }
    }

    private final UndoLog undo;
    // Scratch space for one row, and the lists of the last shape planned: a flush plans rows of one
    // model after another, so consecutive rows share their column and returning lists (no map or
    // list per row, and the inserter compares shapes by reference).
    private Object[] valueScratch = new Object[0];
    private Column<?>[] columnScratch = new Column<?>[0];
    private FieldMapping[] returningScratch = new FieldMapping[0];
    private List<Column<?>> lastColumns = List.of();
    private List<FieldMapping> lastReturning = List.of();

    /** A planner recording the fields it sets in {@code undo}. */
    public InsertPlanner(UndoLog undo) {
        this.undo = undo;
    }

    /** The row of {@code s}, whose foreign keys are already in its fields. */
    public InsertRow plan(ObjectState s) {
        ModelMeta meta = s.meta;
        if (meta.version() != null) {
            Object v = meta.get(s.object, meta.version());
            if (v == null || ((Number) v).longValue() == 0) {
                undo.set(s, meta.version(), Values.nextVersion(null, meta.version().column().type().javaType()));
            }
        }
        List<FieldMapping> bindings = meta.mapping().fields();
        if (valueScratch.length < bindings.size()) {
            valueScratch = new Object[bindings.size()];
            columnScratch = new Column<?>[bindings.size()];
            returningScratch = new FieldMapping[bindings.size()];
        }
        int count = 0;
        int returned = 0;
        for (FieldMapping b : bindings) {
            Object v = meta.get(s.object, b);
            Column<Object> column = b.column();
            boolean unsetKey = column.isAutoincrement() && (v == null || (b.isPrimitive() && ((Number) v).longValue() == 0));
            if (v == null && column.clientDefault() != null) {
                v = column.clientDefault().get();
                undo.set(s, b, v);
            }
            if (unsetKey || (v == null && column.serverDefault() != null)) {
                returningScratch[returned++] = b; // left out, so that the database fills it in
            } else if (v != null || column.isNullable()) {
                columnScratch[count] = column;
                valueScratch[count++] = v;
            }
            // a null in a NOT NULL column without default stays out: the database names the column in its error
        }
        if (!same(lastColumns, columnScratch, count)) {
            lastColumns = List.of(Arrays.copyOf(columnScratch, count));
        }
        if (!same(lastReturning, returningScratch, returned)) {
            lastReturning = List.of(Arrays.copyOf(returningScratch, returned));
        }
        return new InsertRow(s, lastColumns, Arrays.copyOf(valueScratch, count), lastReturning);
    }

    private static boolean same(List<?> list, Object[] items, int count) {
        if (list.size() != count) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (list.get(i) != items[i]) {
                return false;
            }
        }
        return true;
    }
}
