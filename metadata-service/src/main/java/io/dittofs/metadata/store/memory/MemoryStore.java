package io.dittofs.metadata.store.memory;

import io.dittofs.metadata.spi.DirEntry;
import io.dittofs.metadata.spi.Inode;
import io.dittofs.metadata.spi.MetadataStore;
import io.dittofs.metadata.spi.Release;
import io.dittofs.metadata.spi.StoreTx;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import io.dittofs.contracts.grpc.NonBlocking;
import java.util.function.Function;

/**
 * Everything in maps under one read-write lock. A write transaction logs how to undo each change
 * and replays the log backwards if the work fails, so a refused operation leaves nothing behind.
 */
public final class MemoryStore implements MetadataStore {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Long, Inode> inodes = new HashMap<>();
    private final Map<Long, Dir> dirs = new HashMap<>();
    private final Map<Long, TreeMap<String, byte[]>> xattrs = new HashMap<>();
    private final Map<String, byte[]> meta = new HashMap<>();
    /** The content outbox, keyed by payload id in unsigned byte order. */
    private final TreeMap<byte[], Long> releases = new TreeMap<>(Arrays::compareUnsigned);
    private long nextId = 1;

    private static final class Dir {
        final Map<String, DirEntry> byName = new HashMap<>();
        final TreeMap<Long, DirEntry> byCookie = new TreeMap<>();
    }

    @Override
    public <T> T read(Function<StoreTx, T> work) {
        if (NonBlocking.active()) {
            // everything is in memory; only a writer holding the lock could make this wait
            if (!lock.readLock().tryLock()) {
                throw NonBlocking.wouldBlock("memory store is being written");
            }
        } else {
            lock.readLock().lock();
        }
        try {
            return work.apply(new Tx(null));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public <T> T write(Function<StoreTx, T> work) {
        if (NonBlocking.active()) {
            throw NonBlocking.wouldBlock("write under the non-blocking mode");
        }
        lock.writeLock().lock();
        return writeLocked(work);
    }

    /**
     * Nothing here waits for a disk, so under {@link NonBlocking} (an event loop answering an
     * UNSTABLE WRITE) a deferred write goes ahead when the lock is free now, and signals otherwise.
     */
    @Override
    public <T> T writeDeferred(Function<StoreTx, T> work) {
        if (!NonBlocking.active()) {
            return write(work);
        }
        if (!lock.writeLock().tryLock()) {
            throw NonBlocking.wouldBlock("memory store is being read or written");
        }
        return writeLocked(work);
    }

    /** Runs the work holding the write lock, which it releases; a failed work leaves nothing behind. */
    private <T> T writeLocked(Function<StoreTx, T> work) {
        try {
            Deque<Runnable> undo = new ArrayDeque<>();
            try {
                return work.apply(new Tx(undo));
            } catch (RuntimeException | Error e) {
                while (!undo.isEmpty()) {
                    undo.pop().run();
                }
                throw e;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public String kind() {
        return "memory";
    }

    @Override
    public void close() {
        // nothing to release: the maps go with the object
    }

    private final class Tx implements StoreTx {
        private final Deque<Runnable> undo;

        Tx(Deque<Runnable> undo) {
            this.undo = undo;
        }

        private void writable() {
            if (undo == null) {
                throw new IllegalStateException("write inside a read transaction");
            }
        }

        @Override
        public Optional<Inode> inode(long id) {
            return Optional.ofNullable(inodes.get(id));
        }

        @Override
        public void putInode(Inode inode) {
            writable();
            Inode old = inodes.put(inode.id(), inode);
            undo.push(() -> restore(inodes, inode.id(), old));
        }

        @Override
        public void deleteInode(long id) {
            writable();
            Inode old = inodes.remove(id);
            TreeMap<String, byte[]> oldX = xattrs.remove(id);
            Dir oldDir = dirs.remove(id);
            undo.push(() -> {
                restore(inodes, id, old);
                restore(xattrs, id, oldX);
                restore(dirs, id, oldDir);
            });
        }

        @Override
        public Optional<DirEntry> entry(long dir, String name) {
            Dir d = dirs.get(dir);
            return d == null ? Optional.empty() : Optional.ofNullable(d.byName.get(name));
        }

        @Override
        public void putEntry(long dir, DirEntry entry) {
            writable();
            Dir d = dirs.computeIfAbsent(dir, k -> new Dir());
            DirEntry old = d.byName.put(entry.name(), entry);
            if (old != null) {
                d.byCookie.remove(old.cookie());
            }
            d.byCookie.put(entry.cookie(), entry);
            undo.push(() -> {
                d.byCookie.remove(entry.cookie());
                d.byName.remove(entry.name());
                if (old != null) {
                    d.byName.put(old.name(), old);
                    d.byCookie.put(old.cookie(), old);
                }
            });
        }

        @Override
        public void deleteEntry(long dir, DirEntry entry) {
            writable();
            Dir d = dirs.get(dir);
            if (d == null) {
                return;
            }
            DirEntry old = d.byName.remove(entry.name());
            if (old != null) {
                d.byCookie.remove(old.cookie());
                undo.push(() -> {
                    d.byName.put(old.name(), old);
                    d.byCookie.put(old.cookie(), old);
                });
            }
        }

        @Override
        public List<DirEntry> entries(long dir, long afterCookie, int limit) {
            Dir d = dirs.get(dir);
            List<DirEntry> out = new ArrayList<>();
            if (d == null) {
                return out;
            }
            for (DirEntry e : d.byCookie.tailMap(afterCookie, false).values()) {
                if (out.size() >= limit) {
                    break;
                }
                out.add(e);
            }
            return out;
        }

        @Override
        public Optional<byte[]> xattr(long id, String name) {
            TreeMap<String, byte[]> m = xattrs.get(id);
            return m == null ? Optional.empty() : Optional.ofNullable(m.get(name)).map(byte[]::clone);
        }

        @Override
        public void putXattr(long id, String name, byte[] value) {
            writable();
            TreeMap<String, byte[]> m = xattrs.computeIfAbsent(id, k -> new TreeMap<>());
            byte[] old = m.put(name, value.clone());
            undo.push(() -> restore(m, name, old));
        }

        @Override
        public void deleteXattr(long id, String name) {
            writable();
            TreeMap<String, byte[]> m = xattrs.get(id);
            if (m != null) {
                byte[] old = m.remove(name);
                undo.push(() -> restore(m, name, old));
            }
        }

        @Override
        public List<String> xattrNames(long id) {
            TreeMap<String, byte[]> m = xattrs.get(id);
            List<String> names = m == null ? new ArrayList<>() : new ArrayList<>(m.keySet());
            names.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
            return names;
        }

        @Override
        public Optional<byte[]> meta(String key) {
            return Optional.ofNullable(meta.get(key)).map(byte[]::clone);
        }

        @Override
        public void putMeta(String key, byte[] value) {
            writable();
            byte[] old = meta.put(key, value.clone());
            undo.push(() -> restore(meta, key, old));
        }

        @Override
        public void deleteMeta(String key) {
            writable();
            byte[] old = meta.remove(key);
            undo.push(() -> restore(meta, key, old));
        }

        @Override
        public Optional<Long> pendingRelease(byte[] payloadId) {
            return Optional.ofNullable(releases.get(payloadId));
        }

        @Override
        public void putRelease(Release release) {
            writable();
            byte[] key = release.payloadId();
            Long old = releases.put(key, release.size());
            undo.push(() -> restore(releases, key, old));
        }

        @Override
        public void deleteRelease(byte[] payloadId) {
            writable();
            byte[] key = payloadId.clone();
            Long old = releases.remove(key);
            undo.push(() -> restore(releases, key, old));
        }

        @Override
        public List<Release> releases(int limit) {
            return releases.entrySet().stream().limit(limit).map(e -> new Release(e.getKey(), e.getValue())).toList();
        }

        @Override
        public long allocateId() {
            writable();
            // ids are never given back, even when the transaction fails: gaps are allowed
            return nextId++;
        }
    }

    private static <K, V> void restore(Map<K, V> map, K key, V old) {
        if (old == null) {
            map.remove(key);
        } else {
            map.put(key, old);
        }
    }
}
