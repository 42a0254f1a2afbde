package dev.ashlar.orm.internal;

/**
 * The integer keys seen so far in one load, as one bit per key over the range they span: tells
 * whether a key came before, exactly, with a test of one bit. Surrogate keys are dense (1 to
 * 100,000 spans 12.5 KB), so the bitmap stays in the processor's caches where a hash table of
 * the same keys would be megabytes written at random places. It refuses a key that would make it
 * sparse (more than {@link #bitsPerKey} bits per key seen, beyond a first {@link #MIN_LIMIT} bits);
 * the caller then falls back to a hash table.
 */
final class KeyBitmap {
    /** What {@link #add} found. */
    enum Added {
        /** The key was not seen before; it is now. */
        NEW,
        /** The key was seen before. */
        SEEN,
        /** The key is too far from the others for a bitmap; nothing changed. */
        SPARSE
    }

    /** Any span up to this many bits is accepted (128 KB), whatever the number of keys. */
    static final long MIN_LIMIT = 1L << 20;
    /** Keys beyond ±2^62 are refused, so that no sum or difference of keys and spans can overflow a long. */
    private static final long MAX_MAGNITUDE = 1L << 62;
    private final int bitsPerKey;
    /** The key of bit 0 of {@code words[0]}; a multiple of 64, so that growing copies whole words. */
    private long base;
    private long[] words = new long[16];
    private int count;

    /**
     * A bitmap that stays within {@code bitsPerKey} bits per key seen (or {@link #MIN_LIMIT} bits),
     * placed around {@code firstKey} (which it does not record: {@link #add} it).
     */
    KeyBitmap(long firstKey, int bitsPerKey) {
        this.bitsPerKey = bitsPerKey;
        this.base = Math.floorDiv(Math.max(-MAX_MAGNITUDE, Math.min(MAX_MAGNITUDE, firstKey)), 64) * 64;
    }

    /** Records {@code key}, saying whether it was new, seen before, or out of the bitmap's reach. */
    Added add(long key) {
        if (key > MAX_MAGNITUDE || key < -MAX_MAGNITUDE) {
            return Added.SPARSE;
        }
        long offset = key - base;
        if (offset < 0 || offset >= (long) words.length * 64) {
            if (!reach(key)) {
                return Added.SPARSE;
            }
            offset = key - base;
        }
        int word = (int) (offset >>> 6);
        long bit = 1L << offset; // the shift takes the low six bits of the offset
        if ((words[word] & bit) != 0) {
            return Added.SEEN;
        }
        words[word] |= bit;
        count++;
        return Added.NEW;
    }

    /** How many keys it holds. */
    int count() {
        return count;
    }

    /** Widens the bitmap to hold {@code key}, with room to grow on that side; {@code false} when it would be sparse. */
    private boolean reach(long key) {
        long bits = (long) words.length * 64;
        long low = Math.min(base, Math.floorDiv(key, 64) * 64);
        long high = Math.max(base + bits, Math.floorDiv(key, 64) * 64 + 64); // exclusive, a multiple of 64
        long span = high - low;
        if (span > Math.max(MIN_LIMIT, (long) bitsPerKey * (count + 1))) {
            return false;
        }
        long newBits = Long.highestOneBit(span) << 1; // at least the span, at most twice it
        long newBase = key < base ? high - newBits : low;
        long[] wider = new long[(int) (newBits >>> 6)];
        System.arraycopy(words, 0, wider, (int) ((base - newBase) >>> 6), words.length);
        words = wider;
        base = newBase;
        return true;
    }
}
