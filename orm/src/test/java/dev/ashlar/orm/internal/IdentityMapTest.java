package dev.ashlar.orm.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
