package io.dittofs.block.local.fs;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * A bounded map that evicts what was not used since the clock hand last passed it (CLOCK, the
 * second-chance approximation of LRU). A lookup costs one volatile read (and a write only the first
 * time after the hand cleared the mark), so readers on event loops never take a lock; only an
 * insertion past the bound does. The caches of block mappings and open block files used to evict
 * whichever key came first in hash order: once full (after ~1 GiB of reads), the blocks of a hot
 * file evicted each other on every remap while cold ones stayed, and random reads fell to mmap,
 * open and close on each read.
 */
final class ClockCache<K, V> {

    private static final class Slot<V> {
        final V value;
        /** Unset at first: an entry earns its second chance by a lookup, so a scan cannot push out used ones. */
        volatile boolean referenced;

        Slot(V value) {
            this.value = value;
        }
    }

    private final int max;
    private final BiConsumer<K, V> onEvict;
    private final ConcurrentHashMap<K, Slot<V>> map = new ConcurrentHashMap<>();
    private Iterator<Map.Entry<K, Slot<V>>> hand;

    /** @param onEvict told of each entry the bound evicts (not of {@link #remove}d ones) */
    ClockCache(int max, BiConsumer<K, V> onEvict) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        this.max = max;
        this.onEvict = onEvict;
    }

    V get(K key) {
        Slot<V> s = map.get(key);
        if (s == null) {
            return null;
        }
        if (!s.referenced) {
            s.referenced = true;
        }
        return s.value;
    }

    /** Adds {@code value} unless the key has one; returns the value kept under the key. */
    V putIfAbsent(K key, V value) {
        Slot<V> prev = map.putIfAbsent(key, new Slot<>(value));
        if (prev != null) {
            return prev.value;
        }
        if (map.size() > max) {
            evictOver(key);
        }
        return value;
    }

    /** Sets the value under the key (replacing any), then keeps the bound. */
    void put(K key, V value) {
        map.put(key, new Slot<>(value));
        if (map.size() > max) {
            evictOver(key);
        }
    }

    V remove(K key) {
        Slot<V> s = map.remove(key);
        return s == null ? null : s.value;
    }

    int size() {
        return map.size();
    }

    Set<K> keys() {
        return Set.copyOf(map.keySet());
    }

    void clear() {
        map.clear();
    }

    private synchronized void evictOver(K keep) {
        // two sweeps clear every mark, so this ends even if everything was used
        int steps = 2 * map.size() + 2;
        while (map.size() > max && steps-- > 0) {
            if (hand == null || !hand.hasNext()) {
                hand = map.entrySet().iterator();
                if (!hand.hasNext()) {
                    return;
                }
            }
            Map.Entry<K, Slot<V>> e = hand.next();
            Slot<V> s = e.getValue();
            if (e.getKey().equals(keep)) {
                continue;
            }
            if (s.referenced) {
                s.referenced = false;
            } else if (map.remove(e.getKey(), s)) {
                onEvict.accept(e.getKey(), s.value);
            }
        }
    }
}
