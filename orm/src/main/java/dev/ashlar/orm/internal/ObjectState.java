package dev.ashlar.orm.internal;

import dev.ashlar.declarative.Fetch;
import dev.ashlar.declarative.RelationshipMapping;
import dev.ashlar.declarative.FieldMapping;
import java.util.Map;

/**
 * What a session tracks about one object of a mutable model: where it is in its life (pending,
 * persistent, deleted), its identity key, and the snapshot of mapped values that change detection
 * compares against. The fields are the session's bookkeeping, read and written by its parts.
 */
public final class ObjectState {
    /** Where an object is in its life in the session. */
    public enum Status {
        /** Added, not yet inserted. */
        PENDING,
        /** Has a row: loaded, or inserted by a flush. */
        PERSISTENT,
        /** Marked for deletion on the next flush. */
        DELETED
    }

    /** The tracked object. */
    public final Object object;
    /** Its model. */
    public final ModelMeta meta;
    /** Where the object is in its life. */
    public Status status;
    /** Mapped values as last read from or written to the database; {@code null} while pending. */
    public Object[] snapshot;
    /**
     * The snapshot the object had when the open transaction first updated it, which a rollback puts
     * back; {@code null} when the transaction has not updated it. Kept here rather than in a map of
     * the unit of work, so that a flush updating thousands of objects grows no identity table.
     */
    public Object[] committedSnapshot;
    /**
     * The raw identity key value ({@link ModelKey#value()}: the value of a single-column key, a list
     * for a composite one), {@code null} while pending; kept raw so that a loaded row costs no key object.
     */
    public Object keyValue;
    /**
     * The result that loaded the object, for N+1 detection. An {@code int}, as the detector numbers
     * a session's results in a list: with the eight references above, a state is 48 bytes, not 56.
     */
    public int resultId;
    /** Loading overrides of the query that loaded the object, by {@code Model.field}. */
    public Map<String, Fetch> plan = Map.of();
    /** Where the state is in its {@link IdentityMap}'s tracking order; only the map reads and writes it. */
    Membership membership = Membership.NONE;

    /** Whether a state is in the tracking order of an {@link IdentityMap}. */
    enum Membership {
        /** Not in the order. */
        NONE,
        /** Tracked. */
        TRACKED,
        /** Forgotten, but still in the order until the map next compacts it. */
        FORGOTTEN
    }

    /** A new state for {@code object}. */
    public ObjectState(Object object, ModelMeta meta, Status status) {
        this.object = object;
        this.meta = meta;
        this.status = status;
    }

    /** The identity key, or {@code null} while pending. */
    public ModelKey key() {
        return keyValue == null ? null : ModelKey.ofValue(meta.type(), keyValue);
    }

    /** The key values in key column order; the object must have its key. */
    public java.util.List<Object> keyValues() {
        return keyValue instanceof java.util.List<?> list ? java.util.List.copyOf(list) : java.util.List.of(keyValue);
    }

    /** How {@code rel} loads for this object: the loading query's override, else the declared default. */
    public Fetch fetch(RelationshipMapping rel) {
        return plan.getOrDefault(rel.path(), rel.fetch());
    }

    /** Whether mapped values differ from the snapshot, so an UPDATE may be needed. */
    public boolean changedSinceSnapshot() {
        // field by field, without copying the values into a new array: every flush asks this of every loaded object
        java.util.List<FieldMapping> bindings = meta.mapping().fields();
        for (int i = 0; i < snapshot.length; i++) {
            if (!ModelMeta.same(meta.get(object, bindings.get(i)), snapshot[i])) {
                return true;
            }
        }
        return false;
    }

    /** The snapshot value of binding {@code b}, such as the version the row had when last read or written. */
    public Object snapshotValue(FieldMapping b) {
        return snapshot[b.index()];
    }

    /** {@code Item(id=5) PERSISTENT}, for debugging. */
    @Override
    public String toString() {
        return meta.describe(object) + " " + status;
    }
}
