package dev.ashlar.orm.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects a session holds: one object per row (key to object, per model, through
 * {@link EntityKey}), the state of each tracked object, and the order they were tracked in, which
 * is the order a flush writes them in within a table.
 *
 * <p>The index from object to state is built lazily. Loading rows only appends states to the
 * tracking order; the index catches up, sized in one step, the first time a state is asked for by
 * its object. A query that loads thousands of objects that nobody then looks up by object (the
 * usual read) so pays no identity-hash table and none of its resizes: profiling the fetch of
 * 10,000 rows put a third of the ORM's cost over core in that table's growth.
 */
public final class IdentityMap {
    private final Map<EntityKey, Object> byKey = new HashMap<>();
    /** The tracked states, in tracking order. */
    private final List<EntityState> order = new ArrayList<>();
    /** Object to state for {@code order[0, indexed)}; small at first, since a session per lookup holds one object. */
    private IdentityHashMap<Object, EntityState> states = new IdentityHashMap<>(4);
    private int indexed;

    /** The object with this key, or {@code null}. */
    public Object find(EntityKey key) {
        return byKey.get(key);
    }

    /** Whether an object with this key is held. */
    public boolean containsKey(EntityKey key) {
        return byKey.containsKey(key);
    }

    /** The state of a tracked object, or {@code null}. */
    public EntityState state(Object model) {
        return index().get(model);
    }

    /** Whether the object is tracked. */
    public boolean contains(Object model) {
        return index().containsKey(model);
    }

    /** The tracked states in tracking order (a live view: copy it before changing the map while iterating). */
    public List<EntityState> tracked() {
        return order;
    }

    /** Starts tracking an object. */
    public void track(EntityState s) {
        order.add(s);
    }

    /** Registers the object under its (now known) key. */
    public void register(EntityState s) {
        byKey.put(s.key, s.object);
    }

    /** Moves the object from {@code oldKey} to its current key, after a flush changed its primary key. */
    public void rekey(EntityState s, EntityKey oldKey) {
        if (!s.key.equals(oldKey)) {
            byKey.remove(oldKey);
            byKey.put(s.key, s.object);
        }
    }

    /** Stops tracking an object and drops its key. */
    public void forget(EntityState s) {
        int position = indexOf(s);
        if (position >= 0) {
            order.remove(position);
            if (position < indexed) {
                indexed--;
                states.remove(s.object);
            }
        }
        if (s.key != null && byKey.get(s.key) == s.object) {
            byKey.remove(s.key);
        }
    }

    /** Forgets every object. */
    public void clear() {
        byKey.clear();
        states.clear();
        order.clear();
        indexed = 0;
    }

    /** How many objects are tracked. */
    public int size() {
        return order.size();
    }

    /** The object-to-state index, brought up to date with the tracking order. */
    private Map<Object, EntityState> index() {
        int size = order.size();
        if (indexed < size) {
            if (size - indexed > states.size()) {
                // many new states (a load): one table of the final size instead of a resize per doubling
                IdentityHashMap<Object, EntityState> larger = new IdentityHashMap<>(size);
                larger.putAll(states);
                states = larger;
            }
            for (int i = indexed; i < size; i++) {
                EntityState s = order.get(i);
                states.put(s.object, s);
            }
            indexed = size;
        }
        return states;
    }

    /** The position of {@code s} in the tracking order (by identity, searched from the newest). */
    private int indexOf(EntityState s) {
        for (int i = order.size() - 1; i >= 0; i--) {
            if (order.get(i) == s) {
                return i;
            }
        }
        return -1;
    }
}
