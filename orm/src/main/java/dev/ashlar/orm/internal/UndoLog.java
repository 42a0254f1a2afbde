package dev.ashlar.orm.internal;

import dev.ashlar.declarative.FieldMapping;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields a flush set on objects (foreign keys, generated keys, versions, defaults), each with
 * its old value, so that a failed flush leaves the objects as they were before it.
 */
public final class UndoLog {
    private final List<Runnable> undo = new ArrayList<>();

    /** Sets a field, remembering the old value; setting the value it already has records nothing. */
    public void set(ObjectState s, FieldMapping b, Object value) {
        Object old = s.meta.get(s.object, b);
        if (ModelMeta.same(old, value)) {
            return;
        }
        s.meta.set(s.object, b, value);
        undo.add(() -> s.meta.set(s.object, b, old));
    }

    /** Puts every field back, newest first. */
    public void undoAll() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
    }
}
