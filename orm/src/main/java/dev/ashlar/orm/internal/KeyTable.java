package dev.ashlar.orm.internal;

/**
 * The objects of one model in a session by primary key value (the raw key value: the value itself
 * for a single-column key, a list for a composite one), in {@link KeySegment}s: open-addressing hash
 * tables of at most {@link #MAX_SEGMENT_CAPACITY} slots (128 KB each). A table that outgrows its
 * segments doubles their number and deals its entries out again by the top bits of their hashes,
 * so that no array of it is ever humongous to G1: on Java 17 a dead humongous array of references
 * stays a root of young collections until a concurrent cycle, keeping every object it referred to
 * alive (see {@link PairList}). Most sessions hold one segment.
 */
final class KeyTable {
    /** Slots per segment at most: 16,384 entries of two references, 128 KB. */
    static final int MAX_SEGMENT_CAPACITY = 1 << 14;
    private final int maxSegmentCapacity;
    private KeySegment[] segments;
    /** How many top bits of a key's spread hash choose its segment ({@code segments.length == 1 << segmentBits}). */
    private int segmentBits;

    KeyTable(int expected) {
        this(expected, MAX_SEGMENT_CAPACITY);
    }

    /** A table whose segments hold at most {@code maxSegmentCapacity} slots (small in tests, to split often). */
    KeyTable(int expected, int maxSegmentCapacity) {
        this.maxSegmentCapacity = maxSegmentCapacity;
        // as many segments as the expected entries need at three quarters full, so that a table sized in one step splits no more
        int bits = 0;
        while ((long) (maxSegmentCapacity - (maxSegmentCapacity >>> 2)) << bits < expected && bits < 20) {
            bits++;
        }
        segmentBits = bits;
        segments = new KeySegment[1 << bits];
        int perSegment = Math.max(4, expected >>> bits);
        for (int i = 0; i < segments.length; i++) {
            segments[i] = new KeySegment(perSegment, maxSegmentCapacity);
        }
    }

    private KeySegment segment(Object key) {
        return segmentBits == 0 ? segments[0] : segments[KeySegment.spread(key) >>> (32 - segmentBits)];
    }

    /** The segment {@code key} goes in, split first when it may not take another entry. */
    private KeySegment segmentToAdd(Object key) {
        KeySegment s = segment(key);
        if (s.full()) {
            split();
            s = segment(key);
        }
        return s;
    }

    /** Doubles the segments and deals every entry out again by one more top bit of its hash. */
    private void split() {
        KeySegment[] old = segments;
        int size = size();
        segmentBits++;
        segments = new KeySegment[old.length * 2];
        for (int i = 0; i < segments.length; i++) {
            segments[i] = new KeySegment(Math.max(4, size / segments.length), maxSegmentCapacity);
        }
        for (KeySegment s : old) {
            s.forEach((key, state) -> segment(key).put(key, state));
        }
    }

    /** The state under {@code key}, or {@code null}. */
    ObjectState get(Object key) {
        return segment(key).get(key);
    }

    /** Puts {@code state} under {@code key} unless a state is there already; returns that state, or {@code null}. */
    ObjectState putIfAbsent(Object key, ObjectState state) {
        return segmentToAdd(key).putIfAbsent(key, state);
    }

    /** Puts {@code state} under {@code key}, replacing any state there. */
    void put(Object key, ObjectState state) {
        segmentToAdd(key).put(key, state);
    }

    /** Removes the entry of {@code key} when it holds {@code state}. */
    void remove(Object key, ObjectState state) {
        segment(key).remove(key, state);
    }

    int size() {
        int size = 0;
        for (KeySegment s : segments) {
            size += s.size();
        }
        return size;
    }
}
