package dev.ashlar.orm.internal;

import dev.ashlar.declarative.Fetch;
import dev.ashlar.orm.internal.ObjectState.Membership;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects a session holds: one object per row (per model, a {@link KeyTable} from the raw key
 * value to the object's state), the state of each tracked object, and the order they were tracked
 * in, which is the order a flush writes them in within a table.
 *
 * <p>Three things are done lazily, because profiles of large loads and flushes showed them:
 * <ul>
 *   <li>The index from object to state is built the first time a state is asked for by its object,
 *       sized in one step. Loading rows only appends states to the tracking order, so a query that
 *       loads thousands of objects nobody then looks up by object (the usual read) pays no
 *       identity-hash table and none of its resizes: in the fetch of 10,000 rows that growth was a
 *       third of the ORM's cost over core.</li>
 *   <li>Forgetting a state (a delete, a rollback of inserts) only marks it; the tracking order drops
 *       marked states in one pass the next time it is read. Removing each from the list at once
 *       cost a search of the list per object, quadratic over a flush that deletes or a rollback
 *       that forgets many objects.</li>
 *   <li>A load into a model with no keys held yet whose keys are known to differ (they come in
 *       increasing order, as a table read by key gives them, or they are integers that a bitmap of
 *       the keys seen, filled as they come, has not seen, see {@link KeyBitmap}) cannot hold one
 *       key twice, so its objects and snapshots are only appended to a run ({@link #appendLoaded});
 *       their states are made and their key table filled, sized in one step, the first time anything
 *       else asks the map. A read
 *       that nobody looks at afterwards (a fetch that is returned and its session closed) makes no
 *       state and no hash table at all: in the fetch of 100,000 rows the table's inserts and growth
 *       were random writes over megabytes, and the states 48 bytes a row.</li>
 * </ul>
 */
public final class IdentityMap {
    /** The key table of each model, by model class; small at first, since a session per lookup holds one object. */
    private final Map<Class<?>, KeyTable> byModel = new HashMap<>(4);
    /** The model of the last table asked for, and that table: a load asks for the same one row after row. */
    private Class<?> lastModel;
    private KeyTable lastTable;
    /** The tracked states in tracking order, plus forgotten ones not yet compacted away. */
    private final ArrayList<ObjectState> order = new ArrayList<>();
    private int forgottenInOrder;
    /** Object to state for {@code order[0, indexed)}; small at first, since a session per lookup holds one object. */
    private IdentityHashMap<Object, ObjectState> states = new IdentityHashMap<>(4);
    private int indexed;
    /**
     * The objects of one load appended by {@link #appendLoaded} that have no state yet, each with its
     * snapshot, as pairs, all of
     * model {@link #runMeta} from result {@link #runResultId} with plan {@link #runPlan}, with distinct
     * keys: in increasing order up to {@link #lastRunKey} while {@link #runOrdered}, and integers that
     * {@link #runKeys} holds while it is not {@code null}. They come after every state of the
     * tracking order.
     */
    private final PairList run = new PairList();
    private ModelMeta runMeta;
    private int runResultId;
    private Map<String, Fetch> runPlan;
    private Object lastRunKey;
    private boolean runOrdered;
    /** Every key of the run, when they are integers close enough together for a bitmap; else {@code null}. */
    private KeyBitmap runKeys;
    /** At most this many bits of {@link KeyBitmap} per object of the run: 4 bytes, half a slot of a key table. */
    private static final int BITS_PER_KEY = 32;

    /**
     * Starts tracking {@code object}, just loaded with key {@code key} (its {@link ModelMeta#keyValueOfValues
     * raw key value}) and snapshot {@code snapshot}, without making its state or putting it in its key
     * table yet, when that is sure to hold no object with its key: no key of its model is held, or
     * the objects appended so far are of its load with other keys. Returns {@code false}, and does
     * nothing, when that cannot be known (or the key came before in this load); then the caller makes
     * the state, registers it (which finds a key already held) and tracks it.
     *
     * <p>Keys are known to differ while they come in increasing order (a table read by key); integer
     * keys are also told apart by a bitmap of the keys seen ({@link KeyBitmap}), as a table whose rows
     * were rewritten (PostgreSQL's heap after updates) gives its keys mostly but not wholly in order.
     * The bitmap is filled as the keys come, a bit per key in a few kilobytes that stay in the cache:
     * filled only at the first key out of order, it had to re-read every key of the run from its
     * snapshot, which in the fetch of 100,000 such rows was 1.6 ms of the ORM's 23 ms of CPU
     * (bench/NOTES.md, fifteenth round). The states are made, and the keys put in their table, the
     * first time anything else asks the map ({@link #keyAll}): a fetch that is returned and its
     * session closed makes neither, which in the fetch of 100,000 rows was 48 bytes a row, and random
     * writes over megabytes.
     */
    public boolean appendLoaded(ModelMeta meta, Object object, Object[] snapshot, Object key, int resultId,
                                Map<String, Fetch> plan) {
        if (run.size() > 0) {
            if (meta != runMeta || resultId != runResultId || plan != runPlan || !distinct(key)) {
                keyAll();
                return false;
            }
        } else if (!startRun(meta, key, resultId, plan)) {
            return false;
        }
        run.add(object, snapshot);
        lastRunKey = key;
        return true;
    }

    /**
     * Starts a run at its first object when no key of its model is held, returning whether it did.
     * Kept out of {@link #appendLoaded}, whose per-row path it would only lengthen: it runs once per load.
     */
    private boolean startRun(ModelMeta meta, Object key, int resultId, Map<String, Fetch> plan) {
        KeyTable table = byModel.get(meta.type());
        if ((table != null && table.size() > 0) || !(key instanceof Comparable<?>)) {
            return false;
        }
        runMeta = meta;
        runResultId = resultId;
        runPlan = plan;
        runOrdered = true;
        runKeys = bitmapFrom(key);
        return true;
    }

    /** Whether {@code key} differs from every key of the run; records it in the bitmap when there is one. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean distinct(Object key) {
        if (key.getClass() != lastRunKey.getClass()) {
            return false;
        }
        // a key after the last one differs from every key before it, which were in order too
        boolean inOrder = runOrdered && ((Comparable) key).compareTo(lastRunKey) > 0;
        if (runKeys != null) {
            KeyBitmap.Added added = runKeys.add(((Number) key).longValue());
            if (added != KeyBitmap.Added.SPARSE) {
                runOrdered = inOrder;
                return added == KeyBitmap.Added.NEW;
            }
            runKeys = null; // too far from the others for a bitmap: from here on only the order can tell
        }
        runOrdered = inOrder;
        return inOrder;
    }

    /** A bitmap holding the run's first key, or {@code null} when it is not an integer or too large for one. */
    private static KeyBitmap bitmapFrom(Object firstKey) {
        if (!(firstKey instanceof Long || firstKey instanceof Integer)) {
            return null;
        }
        long key = ((Number) firstKey).longValue();
        KeyBitmap bits = new KeyBitmap(key, BITS_PER_KEY);
        return bits.add(key) == KeyBitmap.Added.NEW ? bits : null;
    }

    /** How many of the run's keys its bitmap holds, 0 while it has none (for tests). */
    int keysInRunBitmap() {
        return runKeys == null ? 0 : runKeys.count();
    }

    /** Makes the states of the run, tracks them and puts them into their key table, sized for them in one step. */
    private void keyAll() {
        int n = run.size();
        if (n == 0) {
            return;
        }
        Class<?> model = runMeta.type();
        KeyTable table = byModel.get(model);
        if (table == null || table.size() == 0) {
            table = new KeyTable(n);
            byModel.put(model, table);
        }
        lastModel = model;
        lastTable = table;
        order.ensureCapacity(order.size() + n);
        for (int i = 0; i < n; i++) {
            ObjectState s = new ObjectState(run.first(i), runMeta, ObjectState.Status.PERSISTENT);
            s.snapshot = (Object[]) run.second(i);
            s.keyValue = runMeta.keyValueOfValues(s.snapshot);
            s.resultId = runResultId;
            s.plan = runPlan;
            s.membership = Membership.TRACKED;
            order.add(s);
            table.put(s.keyValue, s);
        }
        clearRun();
    }

    private void clearRun() {
        run.clear();
        runMeta = null;
        runPlan = null;
        lastRunKey = null;
        runKeys = null;
    }

    /** The object with this key, or {@code null}. */
    public Object find(ModelKey key) {
        KeyTable table = existingTable(key.type());
        ObjectState s = table == null ? null : table.get(key.value());
        return s == null ? null : s.object;
    }

    /** The object of model {@code model} with the raw key value {@code keyValue} ({@link ModelKey#value()}), or {@code null}. */
    public Object find(Class<?> model, Object keyValue) {
        KeyTable table = existingTable(model);
        ObjectState s = table == null ? null : table.get(keyValue);
        return s == null ? null : s.object;
    }

    /** Whether an object with this key is held. */
    public boolean containsKey(ModelKey key) {
        return find(key) != null;
    }

    private KeyTable existingTable(Class<?> model) {
        keyAll();
        if (model == lastModel) {
            return lastTable;
        }
        KeyTable table = byModel.get(model);
        if (table != null) {
            lastModel = model;
            lastTable = table;
        }
        return table;
    }

    private KeyTable table(Class<?> model) {
        KeyTable table = existingTable(model);
        if (table == null) {
            table = new KeyTable(4);
            byModel.put(model, table);
            lastModel = model;
            lastTable = table;
        }
        return table;
    }

    /** The state of a tracked object, or {@code null}. */
    public ObjectState state(Object model) {
        keyAll();
        return index().get(model);
    }

    /** Whether the object is tracked. */
    public boolean contains(Object model) {
        keyAll();
        return index().containsKey(model);
    }

    /** The tracked states in tracking order (a live view: copy it before changing the map while iterating). */
    public List<ObjectState> tracked() {
        keyAll();
        compact();
        return order;
    }

    /** Starts tracking an object. */
    public void track(ObjectState s) {
        keyAll(); // the run's objects come before this one in the tracking order
        if (s.membership == Membership.FORGOTTEN) {
            compact(); // the state is still in the order as forgotten: drop that entry before adding it again
        }
        s.membership = Membership.TRACKED;
        order.add(s);
    }

    /** Registers the object under its (now known) key. */
    public void register(ObjectState s) {
        table(s.meta.type()).put(s.keyValue, s);
    }

    /**
     * Registers the object under its key unless an object holds that key already, in one hash
     * operation; returns that other object, or {@code null} when {@code s} was registered.
     */
    public Object registerIfAbsent(ObjectState s) {
        ObjectState other = table(s.meta.type()).putIfAbsent(s.keyValue, s);
        return other == null ? null : other.object;
    }

    /** Moves the object from {@code oldKeyValue} to its current key, after a flush changed its primary key. */
    public void rekey(ObjectState s, Object oldKeyValue) {
        if (!s.keyValue.equals(oldKeyValue)) {
            KeyTable table = table(s.meta.type());
            if (oldKeyValue != null) {
                table.remove(oldKeyValue, s);
            }
            table.put(s.keyValue, s);
        }
    }

    /** Stops tracking an object and drops its key. */
    public void forget(ObjectState s) {
        keyAll();
        if (s.membership == Membership.TRACKED) {
            s.membership = Membership.FORGOTTEN;
            forgottenInOrder++;
            states.remove(s.object, s);
        }
        if (s.keyValue != null) {
            KeyTable table = existingTable(s.meta.type());
            if (table != null) {
                table.remove(s.keyValue, s);
            }
        }
    }

    /** Forgets every object. */
    public void clear() {
        for (ObjectState s : order) {
            s.membership = Membership.NONE;
        }
        byModel.clear();
        lastModel = null;
        lastTable = null;
        states.clear();
        order.clear();
        forgottenInOrder = 0;
        indexed = 0;
        clearRun();
    }

    /** How many objects are tracked. */
    public int size() {
        return order.size() - forgottenInOrder + run.size();
    }

    /** Drops forgotten states from the tracking order; positions move, so the index is rebuilt when next needed. */
    private void compact() {
        if (forgottenInOrder == 0) {
            return;
        }
        order.removeIf(s -> {
            if (s.membership == Membership.FORGOTTEN) {
                s.membership = Membership.NONE;
                return true;
            }
            return false;
        });
        forgottenInOrder = 0;
        states = new IdentityHashMap<>(4);
        indexed = 0;
    }

    /** The object-to-state index, brought up to date with the tracking order. */
    private Map<Object, ObjectState> index() {
        int size = order.size();
        if (indexed < size) {
            if (size - indexed > states.size()) {
                // many new states (a load): one table of the final size instead of a resize per doubling
                IdentityHashMap<Object, ObjectState> larger = new IdentityHashMap<>(size);
                larger.putAll(states);
                states = larger;
            }
            for (int i = indexed; i < size; i++) {
                ObjectState s = order.get(i);
                if (s.membership == Membership.TRACKED) {
                    states.put(s.object, s);
                }
            }
            indexed = size;
        }
        return states;
    }
}
