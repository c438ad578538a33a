package io.dittofs.block.core.cache;

import io.dittofs.block.core.cas.BlockHash;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Least-recently-used order and byte count of the blocks held by the local tier. Eviction only
 * ever picks blocks the caller says may go (already on the remote tier): the local tier is the
 * only copy of everything else.
 */
public final class LocalCache {

    private final long maxBytes;
    private final LinkedHashMap<BlockHash, Long> order = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;

    /** @param maxBytes 0 = unbounded */
    public LocalCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public synchronized void added(BlockHash hash, long size) {
        Long old = order.put(hash, size);
        bytes += size - (old == null ? 0 : old);
    }

    public void touched(BlockHash hash) {
        if (maxBytes <= 0) {
            return; // unbounded: the order is never consulted, so reads need not take the lock
        }
        synchronized (this) {
            order.get(hash);
        }
    }

    public synchronized void removed(BlockHash hash) {
        Long old = order.remove(hash);
        if (old != null) {
            bytes -= old;
        }
    }

    public synchronized long bytes() {
        return bytes;
    }

    /** Oldest evictable blocks whose removal brings the cache under its bound (not yet removed). */
    public synchronized List<BlockHash> victims(Predicate<BlockHash> evictable) {
        List<BlockHash> out = new ArrayList<>();
        if (maxBytes <= 0 || bytes <= maxBytes) {
            return out;
        }
        long excess = bytes - maxBytes;
        Iterator<Map.Entry<BlockHash, Long>> it = order.entrySet().iterator();
        while (excess > 0 && it.hasNext()) {
            Map.Entry<BlockHash, Long> e = it.next();
            if (evictable.test(e.getKey())) {
                out.add(e.getKey());
                excess -= e.getValue();
            }
        }
        return out;
    }
}
