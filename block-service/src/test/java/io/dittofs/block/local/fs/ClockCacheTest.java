package io.dittofs.block.local.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClockCacheTest {

    /**
     * The bench's pattern: a hot file's blocks read over and over while a large sequential copy
     * passes through. The hot ones must stay; the old "first key in hash order" policy evicted them.
     */
    @Test
    void entriesInUseSurviveAScanOfColdOnes() {
        List<Integer> evicted = new ArrayList<>();
        ClockCache<Integer, String> c = new ClockCache<>(64, (k, v) -> evicted.add(k));
        for (int hot = 0; hot < 16; hot++) {
            c.putIfAbsent(hot, "hot" + hot);
        }
        for (int cold = 1000; cold < 3000; cold++) {
            c.putIfAbsent(cold, "cold");
            for (int hot = 0; hot < 16; hot++) {
                assertThat(c.get(hot)).as("hot entry %d after cold %d", hot, cold).isEqualTo("hot" + hot);
            }
        }
        assertThat(c.size()).isEqualTo(64);
        assertThat(evicted).hasSize(2000 - 48).allMatch(k -> k >= 1000);
    }

    @Test
    void theNewEntryIsNeverItsOwnVictimAndPutIfAbsentKeepsTheFirst() {
        List<Integer> evicted = new ArrayList<>();
        ClockCache<Integer, String> c = new ClockCache<>(1, (k, v) -> evicted.add(k));
        assertThat(c.putIfAbsent(1, "a")).isEqualTo("a");
        assertThat(c.putIfAbsent(1, "b")).isEqualTo("a");
        assertThat(c.putIfAbsent(2, "c")).isEqualTo("c");
        assertThat(c.get(2)).isEqualTo("c");
        assertThat(c.get(1)).isNull();
        assertThat(evicted).containsExactly(1);
        assertThat(c.remove(2)).isEqualTo("c");
        assertThat(evicted).as("removal is not eviction").containsExactly(1);
    }
}
