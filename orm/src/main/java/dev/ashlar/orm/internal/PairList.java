package dev.ashlar.orm.internal;

import java.util.Arrays;

/**
 * A list of pairs of references (a loaded object and its snapshot), kept in chunks of at most
 * 4,096 pairs (32 KB). No array of it is ever half a G1 region or more: such a "humongous" array
 * goes straight to the old generation, and on Java 17 G1 does not reclaim a dead humongous array
 * of references at a young collection, so it keeps every object it referred to alive through the
 * young collections that follow. A load of 100,000 rows held in one array of 262,144 references
 * made each young collection copy the previous loads' objects: 25 collections and 3.4 s of pauses
 * against the hand-written fetch's 7 and 0.2 s in one JMH run.
 */
final class PairList {
    private static final int CHUNK_SHIFT = 12;
    private static final int CHUNK_PAIRS = 1 << CHUNK_SHIFT;
    private static final Object[][] NONE = {};

    /** Full chunks of {@code 2 * CHUNK_PAIRS} slots, but the first, which grows from one pair while it is the only one. */
    private Object[][] chunks = NONE;
    private int size;

    /** Appends a pair. */
    void add(Object first, Object second) {
        int chunk = size >>> CHUNK_SHIFT;
        int slot = (size & (CHUNK_PAIRS - 1)) << 1;
        Object[] c = chunk < chunks.length ? chunks[chunk] : null;
        if (c == null || slot == c.length) {
            c = grow(chunk);
        }
        c[slot] = first;
        c[slot + 1] = second;
        size++;
    }

    /** The chunk to write pair number {@code chunk * CHUNK_PAIRS + n} into, made or widened. */
    private Object[] grow(int chunk) {
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, Math.max(1, chunks.length * 2));
        }
        Object[] c = chunks[chunk];
        if (chunk == 0) {
            // a session per lookup loads one object: the first chunk starts at one pair and doubles
            c = c == null ? new Object[2] : Arrays.copyOf(c, Math.min(2 * CHUNK_PAIRS, c.length * 2));
        } else {
            c = new Object[2 * CHUNK_PAIRS];
        }
        chunks[chunk] = c;
        return c;
    }

    /** The first reference of pair {@code i}. */
    Object first(int i) {
        return chunks[i >>> CHUNK_SHIFT][(i & (CHUNK_PAIRS - 1)) << 1];
    }

    /** The second reference of pair {@code i}. */
    Object second(int i) {
        return chunks[i >>> CHUNK_SHIFT][((i & (CHUNK_PAIRS - 1)) << 1) + 1];
    }

    int size() {
        return size;
    }

    /** Empties the list and lets its chunks go. */
    void clear() {
        chunks = NONE;
        size = 0;
    }
}
