package dev.ashlar.orm.internal;

/**
 * One segment of a {@link KeyTable}: the objects of one model in a session by primary key value, an open-addressing hash table (linear
 * probing) from the raw key value (the value itself for a single-column key, a list for a composite
 * one) to the object's state. Unlike a {@code HashMap} keyed by a {@link ModelKey}, an entry costs two
 * array slots: no key object and no node per loaded row, which the profile of a 10,000-row fetch
 * showed as most of the ORM's cost over core. Each key sits next to its state in one array
 * ({@code [2i]} the key, {@code [2i + 1]} the state), so that an insert or a lookup, which lands on a
 * random slot of a table that outgrows the caches, touches one cache line instead of one in each of
 * two arrays.
 */
final class KeySegment {
    /** Keys at even positions, their states right after them; the slot count is a power of two. */
    private Object[] slots;
    private int size;
    /** Grow when size reaches this (three quarters of the slots). */
    private int threshold;

    /** The most slots a segment may have; at that size it reports {@link #full()} instead of growing. */
    private final int maxCapacity;

    KeySegment(int expected, int maxCapacity) {
        this.maxCapacity = maxCapacity;
        int capacity = Integer.highestOneBit(Math.max(4, expected * 4 / 3) * 2 - 1);
        allocate(Math.min(maxCapacity, Math.max(4, capacity)));
    }

    private void allocate(int capacity) {
        slots = new Object[capacity * 2];
        threshold = capacity - (capacity >>> 2);
    }

    /** The bits of {@code key}'s hash a table uses: spread, as keys are often consecutive numbers, which linear probing would pile into runs. */
    static int spread(Object key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) * 0x9E3779B1;
    }

    /** The position of {@code key}'s home slot in {@code slots} (even): bits 7 and up of its spread hash. */
    private static int home(Object key, int mask) {
        return (spread(key) >>> 7 & mask) << 1;
    }

    /**
     * The slot of {@code key} in {@code slots}: where its entry is, or the empty slot where it would go. The one probe
     * of the lookups and writes below.
     */
    private int slotOf(Object key) {
        Object[] t = slots;
        int wrap = t.length - 1;
        int i = home(key, (t.length >>> 1) - 1);
        for (Object k; (k = t[i]) != null && !k.equals(key); i = (i + 2) & wrap) {
            // the next slot of the probe run
        }
        return i;
    }

    /** The state under {@code key}, or {@code null} (an empty slot's state is {@code null}). */
    ObjectState get(Object key) {
        return (ObjectState) slots[slotOf(key) + 1];
    }

    /** Puts {@code state} under {@code key} unless a state is there already; returns that state, or {@code null}. */
    ObjectState putIfAbsent(Object key, ObjectState state) {
        int i = slotOf(key);
        if (slots[i] != null) {
            return (ObjectState) slots[i + 1];
        }
        insert(i, key, state);
        return null;
    }

    /** Puts {@code state} under {@code key}, replacing any state there. */
    void put(Object key, ObjectState state) {
        int i = slotOf(key);
        if (slots[i] != null) {
            slots[i + 1] = state;
        } else {
            insert(i, key, state);
        }
    }

    /** Fills the empty slot {@code i} that {@link #slotOf} found for {@code key}, and grows when the segment is full. */
    private void insert(int i, Object key, ObjectState state) {
        slots[i] = key;
        slots[i + 1] = state;
        if (++size >= threshold && mayGrow()) {
            grow();
        }
    }

    /** Removes the entry of {@code key} when it holds {@code state}. */
    void remove(Object key, ObjectState state) {
        int i = slotOf(key);
        if (slots[i] != null && slots[i + 1] == state) {
            delete(i);
        }
    }

    /** Empties the entry at {@code i} and shifts later entries of its probe run back, so that lookups need no tombstones. */
    private void delete(int i) {
        Object[] t = slots;
        int wrap = t.length - 1;
        int mask = (t.length >>> 1) - 1;
        int hole = i;
        for (int j = (i + 2) & wrap; t[j] != null; j = (j + 2) & wrap) {
            int home = home(t[j], mask);
            // move the entry at j into the hole when its home slot is not within (hole, j]
            if (((j - home) & wrap) >= ((j - hole) & wrap)) {
                t[hole] = t[j];
                t[hole + 1] = t[j + 1];
                hole = j;
            }
        }
        t[hole] = null;
        t[hole + 1] = null;
        size--;
    }

    int size() {
        return size;
    }

    /**
     * Whether to grow now that the threshold is reached: below the largest size, yes; at it, only when
     * 15/16 full, which only a table dealing out its entries to new segments can reach (a skewed hash):
     * a segment larger than planned is better than a probe that finds no empty slot.
     */
    private boolean mayGrow() {
        int capacity = slots.length >>> 1;
        return capacity < maxCapacity || size >= capacity - (capacity >>> 4);
    }

    /** Whether the segment is at its largest and as full as it may be: the table must split before adding to it. */
    boolean full() {
        return slots.length >>> 1 >= maxCapacity && size >= threshold;
    }

    /** Every entry, key then state, for a table that splits its segments. */
    void forEach(java.util.function.BiConsumer<Object, ObjectState> action) {
        for (int j = 0; j < slots.length; j += 2) {
            if (slots[j] != null) {
                action.accept(slots[j], (ObjectState) slots[j + 1]);
            }
        }
    }

    private void grow() {
        Object[] old = slots;
        allocate(old.length); // twice the entries: old.length / 2 of them before
        Object[] t = slots;
        int wrap = t.length - 1;
        int mask = (t.length >>> 1) - 1;
        for (int j = 0; j < old.length; j += 2) {
            Object k = old[j];
            if (k != null) {
                int i = home(k, mask);
                while (t[i] != null) {
                    i = (i + 2) & wrap;
                }
                t[i] = k;
                t[i + 1] = old[j + 1];
            }
        }
    }
}
