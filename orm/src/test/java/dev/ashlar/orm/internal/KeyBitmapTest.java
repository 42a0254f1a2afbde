package dev.ashlar.orm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.orm.internal.KeyBitmap.Added;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bitmap of keys seen agrees with a set of the same keys, across its growth in both directions. */
class KeyBitmapTest {
    @Test
    void agreesWithASetOfTheKeysAddedAroundAnyStartingKey() {
        Random random = new Random(7);
        for (long start : new long[] {1, 0, -1, 63, 64, -64, 1_000_000_007L, -5_000_000_000L}) {
            KeyBitmap bitmap = new KeyBitmap(start, 32);
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 50_000; i++) {
                // keys within ±30,000 of the start, so that the bitmap grows downwards and upwards
                long key = start + random.nextInt(60_001) - 30_000;
                Added added = bitmap.add(key);
                assertThat(added).as("key %d from %d", key, start).isEqualTo(seen.add(key) ? Added.NEW : Added.SEEN);
            }
        }
    }

    @Test
    void refusesAKeyThatWouldMakeItSparseAndStaysAsItWas() {
        KeyBitmap bitmap = new KeyBitmap(10, 32);
        assertThat(bitmap.add(10)).isEqualTo(Added.NEW);
        assertThat(bitmap.add(KeyBitmap.MIN_LIMIT * 4)).isEqualTo(Added.SPARSE);
        assertThat(bitmap.add(-KeyBitmap.MIN_LIMIT * 4)).isEqualTo(Added.SPARSE);
        assertThat(bitmap.add(Long.MAX_VALUE)).isEqualTo(Added.SPARSE);
        assertThat(bitmap.add(Long.MIN_VALUE)).isEqualTo(Added.SPARSE);
        assertThat(bitmap.add(10)).isEqualTo(Added.SEEN);
        assertThat(bitmap.add(11)).isEqualTo(Added.NEW);
        // within the first MIN_LIMIT bits any key is fine, however few were seen
        assertThat(bitmap.add(KeyBitmap.MIN_LIMIT / 2)).isEqualTo(Added.NEW);
        assertThat(bitmap.add(KeyBitmap.MIN_LIMIT / 2)).isEqualTo(Added.SEEN);
    }
}
