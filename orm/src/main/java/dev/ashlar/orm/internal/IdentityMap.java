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
 */
public final class IdentityMap {
    // both small at first (the defaults are 16 and 64 slots): a session per lookup holds one object,
    // and a session that loads many pays a few doublings, far less than the objects themselves
    private final Map<EntityKey, Object> byKey = new HashMap<>(4);
    private final Map<Object, EntityState> states = new IdentityHashMap<>(2);
    private final List<EntityState> order = new ArrayList<>();

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
        return states.get(model);
    }

    /** Whether the object is tracked. */
    public boolean contains(Object model) {
        return states.containsKey(model);
    }

    /** The tracked states in tracking order (a live view: copy it before changing the map while iterating). */
    public List<EntityState> tracked() {
        return order;
    }

    /** Starts tracking an object. */
    public void track(EntityState s) {
        states.put(s.object, s);
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
        states.remove(s.object);
        order.remove(s);
        if (s.key != null && byKey.get(s.key) == s.object) {
            byKey.remove(s.key);
        }
    }

    /** Forgets every object. */
    public void clear() {
        byKey.clear();
        states.clear();
        order.clear();
    }

    /** How many objects are tracked. */
    public int size() {
        return order.size();
    }
}
