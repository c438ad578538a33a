package io.dittofs.metadata.store.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.contracts.common.v1.FileType;
import io.dittofs.metadata.spi.Inode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RocksDB store's inode overlay: a deferred inode-only write stays in memory (visible to
 * every later transaction) until sync, close or the dirty bound writes it; a process death loses
 * it, a sync or a clean close keeps it; readers never see an inode go back to an older version
 * while entries are flushed and evicted under them.
 */
class InodeOverlayTest {

    @TempDir
    Path dir;

    private static Inode inode(long id, long size) {
        return new Inode(id, 1, 7, FileType.REGULAR, 0644, 1, 1000, 1000, size, 0, size, size, 0, size,
                new byte[] {1, 2, (byte) id}, 0, 0, null, null, 0, 0, 0, null);
    }

    private static void deferredPut(RocksDbStore store, long id, long size) {
        store.writeDeferred(tx -> {
            tx.putInode(inode(id, size));
            return null;
        });
    }

    private static void durablePut(RocksDbStore store, long id, long size) {
        store.write(tx -> {
            tx.putInode(inode(id, size));
            return null;
        });
    }

    private static Optional<Long> size(RocksDbStore store, long id) {
        return store.read(tx -> tx.inode(id).map(Inode::size));
    }

    /** The files of a running store as a process death would leave them (what the OS has), reopened. */
    private RocksDbStore crashCopy(Path db) throws IOException {
        Path copy = Files.createTempDirectory(dir, "crash");
        try (Stream<Path> files = Files.list(db)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return new RocksDbStore(copy, false);
    }

    @Test
    void aDeferredInodeOnlyWriteIsVisibleAtOnceWithoutWritingRocksDb() {
        try (RocksDbStore store = new RocksDbStore(dir.resolve("db"), false)) {
            durablePut(store, 10, 1);
            long seq = store.latestSequence();
            deferredPut(store, 10, 4096);
            assertThat(store.latestSequence()).as("nothing written to RocksDB").isEqualTo(seq);
            assertThat(store.overlayDirty()).isEqualTo(1);
            assertThat(size(store, 10)).contains(4096L);
            // a later write transaction reads it too, and builds on it
            store.writeDeferred(tx -> {
                Inode i = tx.inode(10).orElseThrow();
                tx.putInode(inode(10, i.size() + 4096));
                return null;
            });
            assertThat(size(store, 10)).contains(8192L);
            assertThat(store.overlayDirty()).isEqualTo(1);
            // a deferred write of anything besides inodes takes the batch path, as before
            store.writeDeferred(tx -> {
                tx.putInode(inode(10, 9000));
                tx.putMeta("other", "x".getBytes(StandardCharsets.UTF_8));
                return null;
            });
            assertThat(store.latestSequence()).isGreaterThan(seq);
            assertThat(store.overlayDirty()).as("the batch carried the newest version").isZero();
            assertThat(size(store, 10)).contains(9000L);
        }
    }

    @Test
    void aProcessDeathLosesDeferredInodesButNotSyncedOnes() throws Exception {
        Path db = dir.resolve("db");
        try (RocksDbStore store = new RocksDbStore(db, false)) {
            durablePut(store, 10, 1);
            deferredPut(store, 10, 100);
            deferredPut(store, 11, 200);
            // a durable write of something else does not carry the overlay along
            store.write(tx -> {
                tx.putMeta("k", "v".getBytes(StandardCharsets.UTF_8));
                return null;
            });
            try (RocksDbStore crashed = crashCopy(db)) {
                assertThat(size(crashed, 10)).as("deferred, lost").contains(1L);
                assertThat(size(crashed, 11)).isEmpty();
                assertThat(crashed.<Boolean>read(tx -> tx.meta("k").isPresent())).isTrue();
            }
            store.sync();
            assertThat(store.overlayDirty()).isZero();
            try (RocksDbStore crashed = crashCopy(db)) {
                assertThat(size(crashed, 10)).as("synced, kept").contains(100L);
                assertThat(size(crashed, 11)).contains(200L);
            }
            assertThat(size(store, 10)).contains(100L);
        }
    }

    @Test
    void aCleanCloseKeepsDeferredInodes() {
        Path db = dir.resolve("db");
        try (RocksDbStore store = new RocksDbStore(db, false)) {
            deferredPut(store, 12, 300);
        }
        try (RocksDbStore store = new RocksDbStore(db, false)) {
            assertThat(size(store, 12)).contains(300L);
        }
    }

    @Test
    void aDurableWriteAfterADeferredOnePersistsTheNewestVersion() throws Exception {
        Path db = dir.resolve("db");
        try (RocksDbStore store = new RocksDbStore(db, false)) {
            deferredPut(store, 10, 100);
            store.write(tx -> {
                Inode i = tx.inode(10).orElseThrow();
                assertThat(i.size()).as("the durable write sees the deferred version").isEqualTo(100);
                tx.putInode(inode(10, i.size() + 1));
                return null;
            });
            assertThat(store.overlayDirty()).as("superseded: nothing older left to flush").isZero();
            try (RocksDbStore crashed = crashCopy(db)) {
                assertThat(size(crashed, 10)).contains(101L);
            }
            store.sync();
            try (RocksDbStore crashed = crashCopy(db)) {
                assertThat(size(crashed, 10)).as("the sync did not write the older deferred version").contains(101L);
            }
            assertThat(size(store, 10)).contains(101L);
        }
        try (RocksDbStore store = new RocksDbStore(db, false)) {
            assertThat(size(store, 10)).contains(101L);
        }
    }

    @Test
    void deletingADirtyInodeDeletesItEverywhere() throws Exception {
        Path db = dir.resolve("db");
        try (RocksDbStore store = new RocksDbStore(db, false)) {
            durablePut(store, 10, 1);
            deferredPut(store, 10, 100);
            store.write(tx -> {
                tx.deleteInode(10);
                return null;
            });
            assertThat(size(store, 10)).isEmpty();
            assertThat(store.<Boolean>write(tx -> tx.inode(10).isPresent())).isFalse();
            store.sync();
            try (RocksDbStore crashed = crashCopy(db)) {
                assertThat(size(crashed, 10)).isEmpty();
            }
        }
        try (RocksDbStore store = new RocksDbStore(db, false)) {
            assertThat(size(store, 10)).isEmpty();
        }
    }

    @Test
    void aDeferredDeleteTakesTheBatchPath() {
        try (RocksDbStore store = new RocksDbStore(dir.resolve("db"), false)) {
            deferredPut(store, 10, 100);
            long seq = store.latestSequence();
            store.writeDeferred(tx -> {
                tx.deleteInode(10);
                return null;
            });
            assertThat(store.latestSequence()).isGreaterThan(seq);
            assertThat(store.overlayDirty()).isZero();
            assertThat(size(store, 10)).isEmpty();
        }
    }

    @Test
    void theDirtyBoundFlushesWithoutASync() throws Exception {
        Path db = dir.resolve("db");
        try (RocksDbStore store = new RocksDbStore(db, true, null, 8, 16)) {
            long syncs = store.walSyncs();
            long seq = store.latestSequence();
            for (long id = 1; id <= 8; id++) {
                deferredPut(store, id, id * 10);
            }
            assertThat(store.overlayDirty()).isEqualTo(8);
            assertThat(store.latestSequence()).isEqualTo(seq);
            deferredPut(store, 9, 90); // crosses the bound
            assertThat(store.overlayDirty()).isZero();
            assertThat(store.latestSequence()).as("one batch of nine inodes").isEqualTo(seq + 9);
            assertThat(store.walSyncs()).as("flushed, not synced").isEqualTo(syncs);
            for (long id = 1; id <= 9; id++) {
                assertThat(size(store, id)).contains(id * 10);
            }
            store.sync();
            try (RocksDbStore crashed = crashCopy(db)) {
                for (long id = 1; id <= 9; id++) {
                    assertThat(size(crashed, id)).contains(id * 10);
                }
            }
        }
    }

    @Test
    void cleanEntriesAreEvictedBeyondTheSizeBound() {
        try (RocksDbStore store = new RocksDbStore(dir.resolve("db"), false, null, 4, 8)) {
            for (long id = 1; id <= 40; id++) {
                deferredPut(store, id, id);
            }
            store.sync();
            assertThat(store.overlaySize()).as("no reader running: every clean entry could go").isLessThanOrEqualTo(8);
            for (long id = 1; id <= 40; id++) {
                assertThat(size(store, id)).contains(id);
            }
        }
    }

    /**
     * Read-through: an inode read from RocksDB is kept (the next read is a map lookup), a durable
     * write replaces it and a deletion hides it; a read-only workload over more inodes than the
     * bound stays within it.
     */
    @Test
    void readInodesAreCachedAndWritesReplaceThem() {
        Path db = dir.resolve("db");
        try (RocksDbStore store = new RocksDbStore(db, false, null, 4, 16)) {
            for (long id = 1; id <= 40; id++) {
                durablePut(store, id, id);
            }
        }
        try (RocksDbStore store = new RocksDbStore(db, false, null, 4, 16)) {
            assertThat(store.overlaySize()).as("a fresh store caches nothing").isZero();
            assertThat(size(store, 1)).contains(1L);
            assertThat(store.overlaySize()).as("read through").isEqualTo(1);
            durablePut(store, 1, 100);
            assertThat(size(store, 1)).contains(100L);
            store.write(tx -> {
                tx.deleteInode(1);
                return null;
            });
            assertThat(size(store, 1)).as("a deletion is not undone by the cached version").isEmpty();
            for (int pass = 0; pass < 3; pass++) {
                for (long id = 2; id <= 40; id++) {
                    assertThat(size(store, id)).contains(id);
                }
            }
            assertThat(store.overlaySize()).as("offers stop at the bound and reads make room").isLessThanOrEqualTo(16);
        }
    }

    /**
     * The hazard itself, step by step: a reader's snapshot predates a deferred version that is
     * then flushed; evicting that entry while the reader runs would send it back to its snapshot's
     * older version. The entry goes only with a flush after the reader finished.
     */
    @Test
    void anEntryAReaderStillNeedsIsKeptUntilItFinishes() {
        try (RocksDbStore store = new RocksDbStore(dir.resolve("db"), false, null, 2, 4)) {
            durablePut(store, 1, 1);
            store.read(tx -> {
                // this reader's snapshot holds size 1
                deferredPut(store, 1, 2);
                assertThat(size(store, 1)).as("another reader sees the deferred version").contains(2L);
                assertThat(tx.inode(1).orElseThrow().size()).isEqualTo(2);
                for (long id = 2; id <= 10; id++) {
                    deferredPut(store, id, id); // crosses both bounds: flushes and tries to evict
                }
                store.sync();
                assertThat(store.overlaySize()).as("kept for the running reader").isGreaterThan(4);
                assertThat(tx.inode(1).orElseThrow().size()).as("never back to the snapshot's version").isEqualTo(2);
                return null;
            });
            deferredPut(store, 11, 11);
            store.sync();
            assertThat(store.overlaySize()).as("the reader is gone: evicted").isLessThanOrEqualTo(4);
            assertThat(size(store, 1)).contains(2L);
        }
    }

    /**
     * One writer raises the sizes of a few inodes through deferred writes, durable writes and
     * syncs (with tiny bounds, so entries are flushed and evicted all the time); readers, each
     * reading every inode in one long transaction, must never see a size smaller than one they
     * saw before.
     */
    @Test
    void readersNeverSeeAnInodeGoBackwards() throws Exception {
        int inodes = 24;
        int rounds = 20000;
        try (RocksDbStore store = new RocksDbStore(dir.resolve("db"), false, null, 3, 6)) {
            for (long id = 1; id <= inodes; id++) {
                durablePut(store, id, 0);
            }
            AtomicBoolean done = new AtomicBoolean();
            AtomicLong checks = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<?>> readers = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    readers.add(pool.submit(() -> {
                        long[] seen = new long[inodes + 1];
                        while (!done.get()) {
                            store.read(tx -> {
                                for (int id = 1; id <= inodes; id++) {
                                    long s = tx.inode(id).orElseThrow().size();
                                    assertThat(s).as("size of inode %d", id).isGreaterThanOrEqualTo(seen[id]);
                                    seen[id] = s;
                                    checks.incrementAndGet();
                                }
                                return null;
                            });
                        }
                        return null;
                    }));
                }
                Future<?> writer = pool.submit(() -> {
                    try {
                        for (int i = 1; i <= rounds; i++) {
                            long id = 1 + (i * 7L) % inodes;
                            long next = i;
                            if (i % 17 == 0) {
                                durablePut(store, id, next);
                            } else {
                                deferredPut(store, id, next);
                            }
                            if (i % 5 == 0) {
                                store.sync();
                            }
                        }
                    } finally {
                        done.set(true);
                    }
                    return null;
                });
                writer.get();
                for (Future<?> r : readers) {
                    r.get();
                }
            } finally {
                done.set(true);
                pool.shutdownNow();
            }
            assertThat(checks.get()).isPositive();
            store.sync();
            long last = store.read(tx -> {
                long max = 0;
                for (int id = 1; id <= inodes; id++) {
                    max = Math.max(max, tx.inode(id).orElseThrow().size());
                }
                return max;
            });
            assertThat(last).isEqualTo(rounds);
        }
    }
}
