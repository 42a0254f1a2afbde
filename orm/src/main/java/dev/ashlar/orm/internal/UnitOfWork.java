package dev.ashlar.orm.internal;

import dev.ashlar.orm.internal.EntityState.Status;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The session's objects over one transaction: the {@link IdentityMap}, the state changes a flush
 * makes (inserted, updated, deleted), and a journal of what the open transaction wrote, so that a
 * rollback can put memory back in line with the database.
 */
public final class UnitOfWork {
    private final IdentityMap map = new IdentityMap();
    /** Snapshots as of the transaction's start, of objects it updated; made at the first update, as most sessions update nothing. */
    private Map<Object, Object[]> committedSnapshots;
    private final List<EntityState> insertedInTx = new ArrayList<>();
    private final List<EntityState> deletedInTx = new ArrayList<>();

    /** The objects held. */
    public IdentityMap map() {
        return map;
    }

    /** A flush inserted the object's row: it is persistent now, under its key. */
    public void inserted(EntityState s) {
        s.status = Status.PERSISTENT;
        s.key = s.meta.keyOf(s.object);
        s.snapshot = s.meta.snapshot(s.object);
        map.register(s);
        insertedInTx.add(s);
    }

    /** A flush updated the object's row: its snapshot (and maybe key) moves on. */
    public void updated(EntityState s) {
        if (committedSnapshots == null) {
            committedSnapshots = new IdentityHashMap<>(4);
        }
        committedSnapshots.putIfAbsent(s.object, s.snapshot);
        EntityKey old = s.key;
        s.snapshot = s.meta.snapshot(s.object);
        s.key = s.meta.keyOf(s.object);
        map.rekey(s, old);
    }

    /** A flush deleted the object's row: it leaves the session. */
    public void deleted(EntityState s) {
        map.forget(s);
        deletedInTx.add(s);
    }

    /** The transaction committed: what it wrote is the database's now. */
    public void committed() {
        committedSnapshots = null;
        insertedInTx.clear();
        deletedInTx.clear();
    }

    /**
     * The transaction rolled back: objects it inserted and pending objects leave, objects it deleted
     * return, and every other object gets the values it had at the transaction's start through
     * {@code restore}.
     */
    public void rolledBack(BiConsumer<EntityState, Object[]> restore) {
        for (EntityState s : insertedInTx) {
            map.forget(s);
        }
        for (EntityState s : deletedInTx) {
            s.status = Status.PERSISTENT;
            map.track(s);
            map.register(s);
        }
        for (EntityState s : List.copyOf(map.tracked())) {
            if (s.status == Status.PENDING) {
                map.forget(s);
                continue;
            }
            Object[] committed = committedSnapshots == null ? null : committedSnapshots.get(s.object);
            restore.accept(s, committed != null ? committed : s.snapshot);
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
