package dev.ashlar.orm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.schema.MetaData;
import dev.ashlar.declarative.Id;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.ModelRegistry;
import dev.ashlar.orm.internal.ObjectState.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The identity map's lazy parts: the object index built on demand and forgotten states dropped
 * from the tracking order in one pass. In-memory only: no database is involved in this bookkeeping.
 */
class IdentityMapTest {
    private static ObjectState state() {
        return new ObjectState(new Object(), null, Status.PERSISTENT);
    }

    @Model
    static class Thing {
        @Id Long id;
    }

    @Model
    static class Other {
        @Id Long id;
    }

    private final ModelRegistry registry = new ModelRegistry(new MetaData());

    private ObjectState loaded(Class<?> model, Object key) {
        ObjectState s = new ObjectState(new Object(), ModelMeta.of(registry, model), Status.PERSISTENT);
        s.keyValue = key;
        return s;
    }

    /** Appends {@code s}'s object as a load does: its state is made by the map when first asked for. */
    private static boolean append(IdentityMap map, ObjectState s) {
        return map.appendLoaded(s.meta, s.object, new Object[] {s.keyValue}, s.keyValue, 0, java.util.Map.of());
    }

    /** Appends an object of {@link Thing} for each key in turn, each one appended; returns their states. */
    private List<ObjectState> appendAll(IdentityMap map, List<Long> keys) {
        List<ObjectState> states = new ArrayList<>(keys.size());
        for (Long k : keys) {
            ObjectState s = loaded(Thing.class, k);
            assertThat(append(map, s)).as("key %s", k).isTrue();
            states.add(s);
        }
        return states;
    }

        /** The keys 1..{@code n} in an order drawn from {@code seed}. */
    private static List<Long> shuffled(int n, long seed) {
        List<Long> keys = new ArrayList<>(n);
        for (long k = 1; k <= n; k++) {
            keys.add(k);
        }
        java.util.Collections.shuffle(keys, new java.util.Random(seed));
        return keys;
    }

    private static List<Object> objects(List<ObjectState> states) {
        return states.stream().map(st -> st.object).toList();
    }

    @Test
    void statesLoadedInKeyOrderAreFoundByKeyOnceAnythingAsks() {
        IdentityMap map = new IdentityMap();
        List<ObjectState> states = new ArrayList<>();
        for (long k = 1; k <= 1000; k++) {
            ObjectState s = loaded(Thing.class, k);
            assertThat(append(map, s)).isTrue(); // increasing keys: appended without a key table
            states.add(s);
        }
        assertThat(map.size()).isEqualTo(1000);
        assertThat(map.find(Thing.class, 500L)).isSameAs(states.get(499).object); // fills the key table
        for (ObjectState s : states) {
            assertThat(map.find(Thing.class, s.keyValue)).isSameAs(s.object);
            assertThat(map.state(s.object).object).isSameAs(s.object); // a state made by the map
        }
        assertThat(map.find(Other.class, 500L)).isNull();
        assertThat(objects(map.tracked())).containsExactlyElementsOf(objects(states));
        // the model now holds keys: a further load cannot skip the key table
        assertThat(append(map, loaded(Thing.class, 2000L))).isFalse();
    }

    @Test
    void aKeyOutOfOrderOrOfAnotherModelKeysTheAppendedStatesAndIsLeftToTheCaller() {
        IdentityMap map = new IdentityMap();
        ObjectState one = loaded(Thing.class, 1L);
        ObjectState three = loaded(Thing.class, 3L);
        assertThat(append(map, one)).isTrue();
        assertThat(append(map, three)).isTrue();
        // a smaller integer key that did not come before is appended too (the bitmap of keys seen says so)
        ObjectState two = loaded(Thing.class, 2L);
        assertThat(append(map, two)).isTrue();
        // a repeated key (a row twice in one result) is not appended: registering it finds the first
        ObjectState again = loaded(Thing.class, 3L);
        assertThat(append(map, again)).isFalse();
        assertThat(map.registerIfAbsent(again)).isSameAs(three.object);
        assertThat(objects(map.tracked())).containsExactly(one.object, three.object, two.object);
        assertThat(map.find(Thing.class, 2L)).isSameAs(two.object);

        // a smaller key that is not an integer cannot be known to differ: not appended, and registers normally
        IdentityMap named = new IdentityMap();
        ObjectState b = loaded(Thing.class, "b");
        assertThat(append(named, b)).isTrue();
        ObjectState a = loaded(Thing.class, "a");
        assertThat(append(named, a)).isFalse();
        assertThat(named.registerIfAbsent(a)).isNull();
        named.track(a);
        assertThat(objects(named.tracked())).containsExactly(b.object, a.object);
        assertThat(named.find(Thing.class, "a")).isSameAs(a.object);

        IdentityMap mixed = new IdentityMap();
        assertThat(append(mixed, loaded(Thing.class, 1L))).isTrue();
        ObjectState other = loaded(Other.class, 2L);
        assertThat(append(mixed, other)).isFalse();
        assertThat(mixed.find(Thing.class, 1L)).isNotNull();
        assertThat(mixed.find(Other.class, 2L)).isNull();

        // forgetting an object appended without a state (its state made when asked for) takes it out of the key table and the order
        IdentityMap forgetting = new IdentityMap();
        ObjectState gone = loaded(Thing.class, 1L);
        ObjectState kept = loaded(Thing.class, 2L);
        append(forgetting, gone);
        append(forgetting, kept);
        assertThat(forgetting.size()).isEqualTo(2);
        forgetting.forget(forgetting.state(gone.object));
        assertThat(forgetting.find(Thing.class, 1L)).isNull();
        assertThat(forgetting.find(Thing.class, 2L)).isSameAs(kept.object);
        assertThat(objects(forgetting.tracked())).containsExactly(kept.object);
        // clearing drops them whether keyed or not
        append(forgetting, loaded(Other.class, 5L));
        forgetting.clear();
        assertThat(forgetting.size()).isZero();
        assertThat(forgetting.find(Other.class, 5L)).isNull();
        assertThat(append(forgetting, loaded(Other.class, 5L))).isTrue();
    }

    @Test
    void integerKeysOutOfOrderAreAppendedUntilOneRepeatsAndEveryStateIsFoundByKey() {
        // keys 1..20,000 in a shuffled order (a PostgreSQL heap after updates), then 7,777 again
        List<Long> keys = shuffled(20_000, 42);
        IdentityMap map = new IdentityMap();
        List<ObjectState> states = appendAll(map, keys);
        ObjectState repeated = loaded(Thing.class, 7_777L);
        assertThat(append(map, repeated)).isFalse();
        assertThat(map.registerIfAbsent(repeated)).isSameAs(states.get(keys.indexOf(7_777L)).object);
        for (ObjectState s : states) {
            assertThat(map.find(Thing.class, s.keyValue)).isSameAs(s.object);
        }
        assertThat(objects(map.tracked())).containsExactlyElementsOf(objects(states));
    }

    @Test
    void aHeapAfterUpdatesIsAppendedWithEveryKeyInTheBitmapAsItCame() {
        // the fetchAll table on PostgreSQL after the update workload: a few rewritten rows in the first page's free
        // space, the untouched rows 10,001..100,000 in order, then the other rewritten rows in an order of their own
        List<Long> rewritten = shuffled(10_000, 7);
        List<Long> keys = new ArrayList<>(rewritten.subList(0, 6));
        for (long k = 10_001; k <= 100_000; k++) {
            keys.add(k);
        }
        keys.addAll(rewritten.subList(6, rewritten.size()));
        IdentityMap map = new IdentityMap();
        List<ObjectState> states = appendAll(map, keys);
        assertThat(map.keysInRunBitmap()).isEqualTo(100_000);
        // a key of the untouched rows again, then one of the rewritten rows again: each found by the bitmap
        ObjectState untouched = loaded(Thing.class, 50_000L);
        assertThat(append(map, untouched)).isFalse();
        assertThat(map.registerIfAbsent(untouched)).isSameAs(states.get(keys.indexOf(50_000L)).object);
        IdentityMap again = new IdentityMap();
        appendAll(again, keys);
        assertThat(append(again, loaded(Thing.class, rewritten.get(5_000)))).isFalse();
        assertThat(again.size()).isEqualTo(100_000);
        for (ObjectState s : states) {
            assertThat(map.find(Thing.class, s.keyValue)).isSameAs(s.object);
        }
        assertThat(objects(map.tracked())).containsExactlyElementsOf(objects(states));
    }

    @Test
    void integerKeysOutOfOrderAndThenTooFarApartForTheBitmapAreLeftToTheCaller() {
        IdentityMap map = new IdentityMap();
        assertThat(append(map, loaded(Thing.class, 5L))).isTrue();
        assertThat(append(map, loaded(Thing.class, 3L))).isTrue(); // out of order: the bitmap tells
        ObjectState far = loaded(Thing.class, 1L << 40);
        assertThat(append(map, far)).isFalse(); // no bitmap reaches it, and the keys are no longer in order
        assertThat(map.registerIfAbsent(far)).isNull();
        assertThat(map.find(Thing.class, 3L)).isNotNull();
        assertThat(map.find(Thing.class, 5L)).isNotNull();
    }

    @Test
    void integerKeysTooFarApartForABitmapStillAppendInOrderOnly() {
        IdentityMap map = new IdentityMap();
        ObjectState first = loaded(Thing.class, 1L);
        ObjectState far = loaded(Thing.class, 1L << 40); // the span would be a bitmap of 128 GB
        assertThat(append(map, first)).isTrue();
        assertThat(append(map, far)).isTrue(); // in order: still known to differ
        ObjectState between = loaded(Thing.class, 5L);
        assertThat(append(map, between)).isFalse(); // out of order and no bitmap: left to the caller
        assertThat(map.registerIfAbsent(between)).isNull();
        assertThat(map.find(Thing.class, 1L << 40)).isSameAs(far.object);

        IdentityMap ends = new IdentityMap();
        assertThat(append(ends, loaded(Thing.class, Long.MAX_VALUE))).isTrue();
        assertThat(append(ends, loaded(Thing.class, Long.MIN_VALUE))).isFalse(); // a span that overflows a long
        assertThat(ends.find(Thing.class, Long.MAX_VALUE)).isNotNull();
    }

    @Test
    void statesAreFoundByObjectWhetherTrackedBeforeOrAfterTheIndexWasBuilt() {
        IdentityMap map = new IdentityMap();
        List<ObjectState> states = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ObjectState s = state();
            states.add(s);
            map.track(s);
            if (i == 10) {
                assertThat(map.state(states.get(3).object)).isSameAs(states.get(3)); // builds the index part way
            }
        }
        for (ObjectState s : states) {
            assertThat(map.state(s.object)).isSameAs(s);
        }
        assertThat(map.contains(new Object())).isFalse();
        assertThat(map.size()).isEqualTo(1000);
        assertThat(map.tracked()).containsExactlyElementsOf(states);
    }

    @Test
    void forgottenStatesLeaveTheOrderAndTheIndexAndMayBeTrackedAgainOnce() {
        IdentityMap map = new IdentityMap();
        List<ObjectState> states = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ObjectState s = state();
            states.add(s);
            map.track(s);
        }
        ObjectState indexedThenForgotten = states.get(5);
        assertThat(map.state(indexedThenForgotten.object)).isSameAs(indexedThenForgotten);
        for (int i = 0; i < 100; i += 2) {
            map.forget(states.get(i));
        }
        map.forget(states.get(0)); // twice: no effect
        assertThat(map.size()).isEqualTo(50);
        assertThat(map.state(states.get(4).object)).isNull();
        assertThat(map.state(indexedThenForgotten.object)).isSameAs(indexedThenForgotten); // odd: still tracked

        // a forgotten state tracked again (a rollback returns deleted objects) appears once, at the end
        map.track(states.get(0));
        List<ObjectState> expected = new ArrayList<>();
        for (int i = 1; i < 100; i += 2) {
            expected.add(states.get(i));
        }
        expected.add(states.get(0));
        assertThat(map.tracked()).containsExactlyElementsOf(expected);
        assertThat(map.size()).isEqualTo(51);
        assertThat(map.state(states.get(0).object)).isSameAs(states.get(0));
        assertThat(map.state(states.get(2).object)).isNull();

        map.clear();
        assertThat(map.size()).isZero();
        assertThat(map.tracked()).isEmpty();
        map.track(states.get(2));
        assertThat(map.tracked()).containsExactly(states.get(2));
    }
}
