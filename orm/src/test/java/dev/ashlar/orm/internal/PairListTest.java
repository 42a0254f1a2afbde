package dev.ashlar.orm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The chunked list of pairs keeps every pair, across the first chunk's growth and later chunks. */
class PairListTest {
    @Test
    void keepsEveryPairInOrderAcrossChunksAndEmptiesOnClear() {
        PairList pairs = new PairList();
        for (int round = 0; round < 2; round++) {
            int n = round == 0 ? 10_001 : 3; // more than two chunks of 4,096 pairs, then a few after clear()
            for (int i = 0; i < n; i++) {
                pairs.add("object " + i, i);
            }
            assertThat(pairs.size()).isEqualTo(n);
            for (int i = 0; i < n; i++) {
                assertThat(pairs.first(i)).isEqualTo("object " + i);
                assertThat(pairs.second(i)).isEqualTo(i);
            }
            pairs.clear();
            assertThat(pairs.size()).isZero();
        }
    }
}
