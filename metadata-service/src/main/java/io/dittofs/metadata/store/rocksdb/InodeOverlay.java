package io.dittofs.metadata.store.rocksdb;

import io.dittofs.metadata.spi.Inode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The newest committed version of recently written and read inodes, in front of RocksDB. A deferred
 * transaction that only puts inodes (an UNSTABLE WRITE's size and times) leaves them here,
 * <em>dirty</em>, instead of writing RocksDB; the store writes all dirty inodes in one batch at
 * {@code sync()}, {@code close()} or when more than {@code maxDirty} are waiting. Any other
 * transaction that writes an inode installs its new version here after its own RocksDB write,
 * so an entry always holds the newest committed version (null: deleted) and a <em>clean</em>
 * entry equals what RocksDB holds now.
 *
 * <p>Read-through: a transaction that had to read an inode from RocksDB {@link #offer}s it, so
 * the next GETATTR, LOOKUP or READ of a hot inode costs a map lookup instead of a RocksDB get and
 * a decode. An offer only fills an empty slot ({@code putIfAbsent}), and a writer always installs,
 * so an offered version is never installed over a newer one; and a stale offer cannot land in a
 * slot emptied by eviction either: the offering reader registered before its snapshot, so every
 * entry installed after its snapshot was taken (the newer versions it might lack) is kept until
 * it exits — by then its offer has been made.
 *
 * <p>Readers look here before their RocksDB snapshot, so they may see an inode newer than their
 * snapshot, never older. Removing a clean entry would send a reader whose snapshot predates the
 * entry's RocksDB write back to an older version, so clean entries are evicted only once every
 * reader that started before that write is gone: readers register in the current <em>epoch</em>
 * (one counter per parity) before taking their snapshot; entries becoming clean are tagged with
 * the epoch; the epoch advances from {@code e} to {@code e + 1} only when no reader of
 * {@code e - 1} remains (its counter is reused), so every reader of epochs up to
 * {@code epoch - 2} has finished and entries tagged up to there can go. Nobody ever waits: when
 * readers are still running, eviction is simply tried again later.
 *
 * <p>Readers call {@link #get}, {@link #enter} and {@link #exit} without a lock; everything else
 * runs under the store's write lock.
 */
final class InodeOverlay {

    /** @param inode null: deleted; @param cleanEpoch the epoch in which a clean entry became clean */
    record Entry(Inode inode, boolean dirty, long cleanEpoch) {
    }

    private final ConcurrentHashMap<Long, Entry> entries = new ConcurrentHashMap<>();
    /** Ids of the dirty entries (write lock). */
    private final Set<Long> dirty = new HashSet<>();
    private final AtomicInteger[] readers = {new AtomicInteger(), new AtomicInteger()};
    /** Starts at 2 so that {@code epoch - 2} is never negative. */
    private volatile long epoch = 2;
    /** The epoch of the last eviction scan (write lock): no new scan until the epoch moved. */
    private long scannedAt = -1;
    private final int maxDirty;
    private final int maxEntries;

    /**
     * @param maxDirty   more dirty inodes than this are flushed by the transaction that adds one
     * @param maxEntries beyond this many entries, clean ones are evicted (as soon as no reader
     *                   needs them)
     */
    InodeOverlay(int maxDirty, int maxEntries) {
        if (maxDirty < 1 || maxEntries < maxDirty) {
            throw new IllegalArgumentException("overlay bounds: maxDirty " + maxDirty + ", maxEntries " + maxEntries);
        }
        this.maxDirty = maxDirty;
        this.maxEntries = maxEntries;
    }

    /** The entry of this inode, or null: RocksDB has the newest version. */
    Entry get(long id) {
        return entries.get(id);
    }

    /**
     * A version read from RocksDB by a registered reader (or a writer under the write lock):
     * cached unless the slot is taken (a newer or equal version is there) or the overlay is full
     * (eviction, which needs the write lock, makes room later).
     */
    void offer(Inode inode) {
        if (entries.size() < maxEntries) {
            entries.putIfAbsent(inode.id(), new Entry(inode, false, epoch));
        }
    }

    /** Whether clean entries should be evicted (checked on the read path, without a lock). */
    boolean full() {
        return entries.size() >= maxEntries;
    }

    /** A reader registers before it takes its snapshot; returns the token for {@link #exit}. */
    int enter() {
        while (true) {
            long e = epoch;
            AtomicInteger counter = readers[(int) (e & 1)];
            counter.incrementAndGet();
            // the epoch moved between the read and the increment: the counter may already have
            // been found empty, so register again in the new epoch
            if (epoch == e) {
                return (int) (e & 1);
            }
            counter.decrementAndGet();
        }
    }

    /** The reader is done with its snapshot and with every entry it read. */
    void exit(int token) {
        readers[token].decrementAndGet();
    }

    /** A deferred put: visible at once, written to RocksDB at the next flush. Write lock. */
    void putDirty(Inode inode) {
        entries.put(inode.id(), new Entry(inode, true, 0));
        dirty.add(inode.id());
    }

    /** Whether more inodes are dirty than the bound allows. Write lock. */
    boolean overBound() {
        return dirty.size() > maxDirty;
    }

    int dirtyCount() {
        return dirty.size();
    }

    int size() {
        return entries.size();
    }

    /** The dirty inodes to write, in no particular order. Write lock. */
    List<Inode> dirtyInodes() {
        List<Inode> out = new ArrayList<>(dirty.size());
        for (Long id : dirty) {
            out.add(entries.get(id).inode());
        }
        return out;
    }

    /** The dirty inodes are in RocksDB now (the batch from {@link #dirtyInodes} was written). Write lock. */
    void flushed() {
        long e = epoch;
        for (Long id : dirty) {
            entries.put(id, new Entry(entries.get(id).inode(), false, e));
        }
        dirty.clear();
        evictIfFull();
    }

    /**
     * Another transaction wrote this inode to RocksDB (inode null: deleted it): its new version is
     * installed, clean (a deletion as an entry with no inode, so that no reader's older offer can
     * bring it back). Write lock.
     */
    void committed(long id, Inode inode) {
        entries.put(id, new Entry(inode, false, epoch));
        dirty.remove(id);
        evictIfFull();
    }

    /** Evicts clean entries no reader can need any more, when the overlay is at its size. Write lock. */
    void evictIfFull() {
        if (entries.size() >= maxEntries) {
            evict();
        }
    }

    /** Advances the epoch as far as finished readers allow and evicts what is then safe. Write lock. */
    void evict() {
        for (int k = 0; k < 2; k++) {
            long e = epoch;
            if (readers[(int) ((e + 1) & 1)].get() != 0) {
                break; // readers of e - 1 still running: their counter cannot be reused yet
            }
            epoch = e + 1;
        }
        long e = epoch;
        if (e == scannedAt) {
            return; // nothing became evictable since the last scan
        }
        scannedAt = e;
        long safe = e - 2;
        // down to three quarters, in the map's (hash, so roughly random) order: the hot inodes of a
        // working set that fits mostly stay
        long excess = entries.size() - (maxEntries - maxEntries / 4);
        var it = entries.values().iterator();
        while (excess > 0 && it.hasNext()) {
            Entry x = it.next();
            if (!x.dirty() && x.cleanEpoch() <= safe) {
                it.remove();
                excess--;
            }
        }
    }
}
