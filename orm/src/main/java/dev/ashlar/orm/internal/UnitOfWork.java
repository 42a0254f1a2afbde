package dev.ashlar.orm.internal;

import dev.ashlar.orm.internal.ObjectState.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The session's objects over one transaction: the {@link IdentityMap}, the state changes a flush
 * makes (inserted, updated, deleted), and a journal of what the open transaction wrote, so that a
 * rollback can put memory back in line with the database.
 */
public final class UnitOfWork {
    private final IdentityMap map = new IdentityMap();
    /** The states whose {@link ObjectState#committedSnapshot} the open transaction set. */
    private final List<ObjectState> updatedInTx = new ArrayList<>();
    private final List<ObjectState> insertedInTx = new ArrayList<>();
    private final List<ObjectState> deletedInTx = new ArrayList<>();

    /** The objects held. */
    public IdentityMap map() {
        return map;
    }

    /** A flush inserted the object's row: it is persistent now, under its key. */
    public void inserted(ObjectState s) {
        s.status = Status.PERSISTENT;
        s.keyValue = s.meta.keyValueOf(s.object);
        s.snapshot = s.meta.snapshot(s.object);
        map.register(s);
        insertedInTx.add(s);
    }

    /** A flush updated the object's row: its snapshot (and maybe key) moves on. */
    public void updated(ObjectState s) {
        if (s.committedSnapshot == null) {
            s.committedSnapshot = s.snapshot;
            updatedInTx.add(s);
        }
        Object old = s.keyValue;
        s.snapshot = s.meta.snapshot(s.object);
        s.keyValue = s.meta.keyValueOf(s.object);
        map.rekey(s, old);
    }

    /** A flush deleted the object's row: it leaves the session. */
    public void deleted(ObjectState s) {
        map.forget(s);
        deletedInTx.add(s);
    }

    /** The transaction committed: what it wrote is the database's now. */
    public void committed() {
        for (ObjectState s : updatedInTx) {
            s.committedSnapshot = null;
        }
        updatedInTx.clear();
        insertedInTx.clear();
        deletedInTx.clear();
    }

    /**
     * The transaction rolled back: objects it inserted and pending objects leave, objects it deleted
     * return, and every other object gets the values it had at the transaction's start through
     * {@code restore}.
     */
    public void rolledBack(BiConsumer<ObjectState, Object[]> restore) {
        for (ObjectState s : insertedInTx) {
            map.forget(s);
        }
        for (ObjectState s : deletedInTx) {
            s.status = Status.PERSISTENT;
            map.track(s);
            map.register(s);
        }
        for (ObjectState s : List.copyOf(map.tracked())) {
            if (s.status == Status.PENDING) {
                map.forget(s);
                continue;
            }
            restore.accept(s, s.committedSnapshot != null ? s.committedSnapshot : s.snapshot);
            s.status = Status.PERSISTENT;
        }
        committed();
    }

    /** Whether a flush may have something to write: any pending or deleted object, or any object that may be dirty. */
    public boolean mayHaveChanges() {
        // persistent objects may be dirty; the flush finds out cheaply
        return map.size() > 0;
    }
}
