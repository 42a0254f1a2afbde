package dev.ashlar.orm.internal;

/**
 * The objects of one model in a session by primary key value: an open-addressing hash table (linear
 * probing, keys and states in two parallel arrays) from the raw key value (the value itself for a
 * single-column key, a list for a composite one) to the object's state. Unlike a {@code HashMap}
 * keyed by a {@link ModelKey}, an entry costs two array slots: no key object and no node per loaded
 * row, which the profile of a 10,000-row fetch showed as most of the ORM's cost over core.
 */
final class KeyTable {
    private Object[] keys;
    private ObjectState[] states;
    private int size;
    /** Grow when size reaches this (three quarters of the slots). */
    private int threshold;

    KeyTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 4 / 3) * 2 - 1);
        allocate(Math.max(4, capacity));
    }

    private void allocate(int capacity) {
        keys = new Object[capacity];
        states = new ObjectState[capacity];
        threshold = capacity - (capacity >>> 2);
    }

    private static int slot(Object key, int mask) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) * 0x9E3779B1 >>> 7 & mask; // spread the bits: keys are often consecutive numbers
    }

    /** The state under {@code key}, or {@code null}. */
    ObjectState get(Object key) {
        Object[] ks = keys;
        int mask = ks.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            Object k = ks[i];
            if (k == null) {
                return null;
            }
            if (k.equals(key)) {
                return states[i];
            }
        }
    }

    /** Puts {@code state} under {@code key} unless a state is there already; returns that state, or {@code null}. */
    ObjectState putIfAbsent(Object key, ObjectState state) {
        Object[] ks = keys;
        int mask = ks.length - 1;
        int i = slot(key, mask);
        for (Object k; (k = ks[i]) != null; i = (i + 1) & mask) {
            if (k.equals(key)) {
                return states[i];
            }
        }
        ks[i] = key;
        states[i] = state;
        if (++size >= threshold) {
            grow();
        }
        return null;
    }

    /** Puts {@code state} under {@code key}, replacing any state there. */
    void put(Object key, ObjectState state) {
        Object[] ks = keys;
        int mask = ks.length - 1;
        int i = slot(key, mask);
        for (Object k; (k = ks[i]) != null; i = (i + 1) & mask) {
            if (k.equals(key)) {
                states[i] = state;
                return;
            }
        }
        ks[i] = key;
        states[i] = state;
        if (++size >= threshold) {
            grow();
        }
    }

    /** Removes the entry of {@code key} when it holds {@code state}. */
    void remove(Object key, ObjectState state) {
        Object[] ks = keys;
        int mask = ks.length - 1;
        int i = slot(key, mask);
        for (Object k; (k = ks[i]) != null; i = (i + 1) & mask) {
            if (k.equals(key)) {
                if (states[i] == state) {
                    delete(i);
                }
                return;
            }
        }
    }

    /** Empties slot {@code i} and shifts later entries of its probe run back, so that lookups need no tombstones. */
    private void delete(int i) {
        Object[] ks = keys;
        int mask = ks.length - 1;
        int hole = i;
        for (int j = (i + 1) & mask; ks[j] != null; j = (j + 1) & mask) {
            int home = slot(ks[j], mask);
            // move the entry at j into the hole when its home slot is not within (hole, j]
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                ks[hole] = ks[j];
                states[hole] = states[j];
                hole = j;
            }
        }
        ks[hole] = null;
        states[hole] = null;
        size--;
    }

    int size() {
        return size;
    }

    private void grow() {
        Object[] oldKeys = keys;
        ObjectState[] oldStates = states;
        allocate(oldKeys.length * 2);
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            Object k = oldKeys[j];
            if (k != null) {
                int i = slot(k, mask);
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                states[i] = oldStates[j];
            }
        }
    }
}
