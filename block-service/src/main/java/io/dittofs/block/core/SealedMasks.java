package io.dittofs.block.core;

import io.dittofs.block.core.cas.BlockHash;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembered answers of "which pieces of this sealed block hold data" (QueryAllocated). A sealed
 * block never changes under its hash, so an entry never goes stale; the map is bounded (least
 * recently used out) so a scan of many files does not hold every block's answer.
 */
final class SealedMasks {

    static final int MAX = 65_536;

    private record Key(BlockHash hash, int granule) {
    }

    private final Map<Key, Long> masks = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Long> eldest) {
            return size() > MAX;
        }
    };

    synchronized Long get(BlockHash hash, int granule) {
        return masks.get(new Key(hash, granule));
    }

    synchronized void put(BlockHash hash, int granule, long mask) {
        masks.put(new Key(hash, granule), mask);
    }
}
