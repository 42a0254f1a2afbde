package dev.ashlar.orm.internal;

import dev.ashlar.core.schema.Column;
import dev.ashlar.declarative.internal.ModelMapping.Binding;
import java.util.ArrayList;
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
     * @param values    the column values to send, NULLs included
     * @param returning the bindings the database fills in, to read back
     */
    public record InsertRow(EntityState state, Map<Column<?>, Object> values, List<Binding> returning) {
        /** Whether this row and {@code other} can share one multi-row statement. */
        public boolean sameShape(InsertRow other) {
            return values.keySet().equals(other.values.keySet()) && returning.equals(other.returning);
        }
    }

    private final UndoLog undo;

    /** A planner recording the fields it sets in {@code undo}. */
    public InsertPlanner(UndoLog undo) {
        this.undo = undo;
    }

    /** The row of {@code s}, whose foreign keys are already in its fields. */
    public InsertRow plan(EntityState s) {
        EntityMeta meta = s.meta;
        if (meta.version() != null) {
            Object v = meta.get(s.object, meta.version());
            if (v == null || ((Number) v).longValue() == 0) {
                undo.set(s, meta.version(), Values.nextVersion(null, meta.version().column().type().javaType()));
            }
        }
        Map<Column<?>, Object> values = new LinkedHashMap<>();
        List<Binding> returning = new ArrayList<>();
        for (Binding b : meta.mapping().bindings()) {
            Object v = meta.get(s.object, b);
            Column<Object> column = b.column();
            boolean unsetKey = column.isAutoincrement() && (v == null || (b.primitive() && ((Number) v).longValue() == 0));
            if (v == null && column.clientDefault() != null) {
                v = column.clientDefault().get();
                undo.set(s, b, v);
            }
            if (unsetKey || (v == null && column.serverDefault() != null)) {
                returning.add(b); // left out, so that the database fills it in
            } else if (v != null || column.isNullable()) {
                values.put(column, v);
            }
            // a null in a NOT NULL column without default stays out: the database names the column in its error
        }
        return new InsertRow(s, values, returning);
    }
}
