package io.dittofs.block.core.gc;

import io.dittofs.block.core.cas.BlockHash;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * References from block maps to sealed blocks. Derived state: rebuilt from the persisted
 * checkpoint (plus the replayed log) on every start, so a crash can never lose a reference.
 * Blocks that drop to zero become collection candidates; the collector re-checks the count.
 */
public final class RefCounts {

    private final Map<BlockHash, Integer> counts = new ConcurrentHashMap<>();
    private final Set<BlockHash> candidates = ConcurrentHashMap.newKeySet();

    public void incref(BlockHash h) {
        counts.merge(h, 1, Integer::sum);
    }

    public void decref(BlockHash h) {
        Integer left = counts.computeIfPresent(h, (k, v) -> v == 1 ? null : v - 1);
        if (left == null) {
            candidates.add(h);
        }
    }

    public int count(BlockHash h) {
        return counts.getOrDefault(h, 0);
    }

    public boolean live(BlockHash h) {
        return counts.containsKey(h);
    }

    public Set<BlockHash> liveSet() {
        return new HashSet<>(counts.keySet());
    }

    /** Blocks that lost their last reference and wait for the collector (a checkpoint). */
    public boolean hasCandidates() {
        return !candidates.isEmpty();
    }

    /** Removes and returns the candidates whose count is still zero. */
    public Set<BlockHash> drainDead() {
        Set<BlockHash> dead = new HashSet<>();
        for (BlockHash h : Set.copyOf(candidates)) {
            candidates.remove(h);
            if (!counts.containsKey(h)) {
                dead.add(h);
            }
        }
        return dead;
    }
}
