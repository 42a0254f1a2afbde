package dev.ashlar.orm.internal;

import dev.ashlar.core.engine.StatementTemplate;
import dev.ashlar.core.sql.Sql;
import dev.ashlar.core.sql.Update;
import dev.ashlar.declarative.FieldMapping;
import java.util.List;

/**
 * Writes the UPDATE of one changed object: only the columns that differ from the snapshot, the
 * columns' on-update values, and with a {@code @Version} field the version check and the next
 * version. Unversioned updates go into the batch; versioned ones run alone, since their row count
 * tells whether the row was stale.
 */
public final class UpdateWriter {
    private final StatementBatch batch;
    private final UndoLog undo;
    // the template of the last changed-column set: the objects of a flush mostly change the same columns
    private ModelMeta lastMeta;
    private long lastChanged;
    private StatementTemplate lastTemplate;

    /** A writer adding to {@code batch} and recording fields it sets in {@code undo}. */
    public UpdateWriter(StatementBatch batch, UndoLog undo) {
        this.batch = batch;
        this.undo = undo;
    }

    /**
     * Updates the object's row (its foreign keys already in its fields) when a mapped value changed.
     *
     * @return whether there was anything to write
     * @throws dev.ashlar.orm.StaleObjectException when the version moved on
     */
    public boolean update(ObjectState s) {
        ModelMeta meta = s.meta;
        if (meta.updatesByTemplate()) {
            Boolean done = updateByTemplate(s);
            if (done != null) {
                return done;
            }
        }
        List<FieldMapping> bindings = meta.mapping().fields();
        Update update = Sql.update(meta.table());
        boolean changed = false;
        for (int i = 0; i < bindings.size(); i++) {
            FieldMapping b = bindings.get(i);
            Object now = meta.get(s.object, b);
            if (!ModelMeta.same(now, s.snapshot[i])) {
                update = update.set(b.column(), now);
                changed = true;
            }
        }
        if (!changed) {
            return false;
        }
        update = setOnUpdateValues(s, update).where(Keys.ofSnapshot(s));
        if (meta.version() == null) {
            batch.add(update);
            return true;
        }
        Object expected = s.snapshotValue(meta.version());
        Object next = Values.nextVersion(expected, meta.version().column().type().javaType());
        update = update.set(meta.version().column(), next).where(meta.version().column().eq(expected));
        undo.set(s, meta.version(), next);
        batch.runVersioned(update, meta, s.object, expected);
        return true;
    }

    /**
     * The UPDATE of an unversioned object without on-update columns, bound into the template of its
     * set of changed columns (no {@code Update}, condition or parameter objects per row).
     *
     * @return whether there was anything to write, or {@code null} when no template is available
     */
    private Boolean updateByTemplate(ObjectState s) {
        ModelMeta meta = s.meta;
        List<FieldMapping> bindings = meta.mapping().fields();
        int n = bindings.size();
        long changed = 0;
        int count = 0;
        Object[] now = null;
        for (int i = 0; i < n; i++) {
            Object value = meta.get(s.object, bindings.get(i));
            if (!ModelMeta.same(value, s.snapshot[i])) {
                if (now == null) {
                    now = new Object[n];
                }
                now[i] = value;
                changed |= 1L << i;
                count++;
            }
        }
        if (changed == 0) {
            return false;
        }
        StatementTemplate template;
        if (meta == lastMeta && changed == lastChanged) {
            template = lastTemplate;
        } else {
            template = meta.updateTemplate(changed);
            if (template == null) {
                return null;
            }
            lastMeta = meta;
            lastChanged = changed;
            lastTemplate = template;
        }
        int[] keyIndexes = meta.keyIndexes();
        Object[] values = new Object[count + keyIndexes.length];
        int v = 0;
        for (int i = 0; i < n; i++) {
            if ((changed & (1L << i)) != 0) {
                values[v++] = now[i];
            }
        }
        // the row as last read or written: a changed key in memory still finds the old row
        for (int k : keyIndexes) {
            values[v++] = s.snapshot[k];
        }
        batch.add(template, values);
        return true;
    }

    /**
     * The columns' on-update values (an updated-at time) go into the object too, so that memory
     * matches the row without a reload; a value the caller set explicitly wins. Returns {@code update}
     * with those values set.
     */
    private Update setOnUpdateValues(ObjectState s, Update update) {
        List<FieldMapping> bindings = s.meta.mapping().fields();
        for (int i = 0; i < bindings.size(); i++) {
            FieldMapping b = bindings.get(i);
            if (b.column().onUpdate() != null && ModelMeta.same(s.meta.get(s.object, b), s.snapshot[i])) {
                Object value = b.column().onUpdate().get();
                undo.set(s, b, value);
                update = update.set(b.column(), value);
            }
        }
        return update;
    }
}
