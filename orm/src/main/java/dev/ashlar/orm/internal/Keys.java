package dev.ashlar.orm.internal;

import dev.ashlar.core.sql.Condition;
import dev.ashlar.declarative.FieldMapping;
import java.util.ArrayList;
import java.util.List;

/** WHERE conditions that pick one row by its primary key, from given values, a model object or a snapshot. */
public final class Keys {
    private Keys() {
    }

    /** {@code pk1 = ? AND pk2 = ?} for key values in key order. */
    public static Condition condition(ModelMeta meta, List<Object> values) {
        Condition c = null;
        for (int i = 0; i < meta.key().size(); i++) {
            Condition part = meta.key().get(i).column().eq(values.get(i));
            c = c == null ? part : c.and(part);
        }
        return c;
    }

    /** The condition for the row of {@code model} as it is now. */
    public static Condition of(ModelMeta meta, Object model) {
        List<Object> values = new ArrayList<>();
        for (FieldMapping b : meta.key()) {
            values.add(meta.get(model, b));
        }
        return condition(meta, values);
    }

    /** The condition for the row as last read or written: a changed key in memory still finds the old row. */
    public static Condition ofSnapshot(ObjectState s) {
        List<Object> values = new ArrayList<>();
        for (FieldMapping b : s.meta.key()) {
            values.add(s.snapshotValue(b));
        }
        return condition(s.meta, values);
    }
}
