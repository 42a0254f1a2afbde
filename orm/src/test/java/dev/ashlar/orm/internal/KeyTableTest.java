package dev.ashlar.orm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.orm.internal.ObjectState.Status;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The per-model key table against a {@code HashMap} doing the same random puts, lookups and removals:
 * removal shifts entries back within their probe runs, which must never lose one. In-memory only.
 */
class KeyTableTest {
    @Test
    void agreesWithAHashMapOverRandomOperations() {
        agreesWithAHashMap(new KeyTable(4), 3_000);
    }

    /** Segments of 64 slots: the table splits into more segments many times, and entries are dealt out and removed across them. */
    @Test
    void agreesWithAHashMapWhileSplittingIntoManySegments() {
        agreesWithAHashMap(new KeyTable(4, 64), 20_000);
        KeyTable sized = new KeyTable(100_000, 64);
        Map<Object, ObjectState> expected = new HashMap<>();
        for (long k = 0; k < 100_000; k++) {
            ObjectState s = new ObjectState(new Object(), null, Status.PERSISTENT);
            sized.put(k, s);
            expected.put(k, s);
        }
        assertThat(sized.size()).isEqualTo(100_000);
        expected.forEach((k, s) -> assertThat(sized.get(k)).isSameAs(s));
    }

    private static void agreesWithAHashMap(KeyTable table, int distinctNumbers) {
        Random random = new Random(42);
        Map<Object, ObjectState> expected = new HashMap<>();
        for (int op = 0; op < 200_000; op++) {
            // few distinct keys so that runs collide, grow and shrink; numbers and composite keys
            Object key = random.nextInt(4) == 0 ? List.of("w" + random.nextInt(50), (long) random.nextInt(50))
                    : (Object) (long) random.nextInt(distinctNumbers);
            switch (random.nextInt(4)) {
                case 0 -> {
                    ObjectState s = new ObjectState(new Object(), null, Status.PERSISTENT);
                    assertThat(table.putIfAbsent(key, s)).isSameAs(expected.putIfAbsent(key, s));
                }
                case 1 -> {
                    ObjectState s = new ObjectState(new Object(), null, Status.PERSISTENT);
                    table.put(key, s);
                    expected.put(key, s);
                }
                case 2 -> {
                    ObjectState held = expected.get(key);
                    // a removal for another state leaves the entry; for the held one it goes
                    ObjectState which = held != null && random.nextBoolean() ? held : new ObjectState(new Object(), null, Status.PERSISTENT);
                    table.remove(key, which);
                    expected.remove(key, which);
                }
                default -> assertThat(table.get(key)).isSameAs(expected.get(key));
            }
            assertThat(table.size()).isEqualTo(expected.size());
        }
        for (Map.Entry<Object, ObjectState> e : expected.entrySet()) {
            assertThat(table.get(e.getKey())).isSameAs(e.getValue());
        }
    }
}
