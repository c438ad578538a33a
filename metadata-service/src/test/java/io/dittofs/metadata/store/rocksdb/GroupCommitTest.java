package io.dittofs.metadata.store.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many writers share one WAL sync; no durable reply precedes the sync that covers it. */
class GroupCommitTest {

    @TempDir
    Path dir;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void concurrentDurableWritesShareSyncsOfTheRealStore() throws Exception {
        int threads = 16;
        int writes = 40;
        try (RocksDbStore store = new RocksDbStore(dir.resolve("db"), true)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int id = t;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < writes; i++) {
                            String key = "k" + id + "-" + i;
                            store.write(tx -> {
                                tx.putMeta(key, b(key));
                                return null;
                            });
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(store.walSyncs()).as("syncs for %d durable writes", threads * writes)
                    .isPositive().isLessThan(threads * writes);
            boolean present = store.<Boolean>read(tx -> tx.meta("k15-39").isPresent());
            assertThat(present).isTrue();
        }
    }

    @Test
    void deferredWritesWaitForSyncAndSyncRunsOnlyWhenNeeded() {
        try (RocksDbStore store = new RocksDbStore(dir.resolve("db"), true)) {
            long before = store.walSyncs();
            for (int i = 0; i < 100; i++) {
                String key = "d" + i;
                store.writeDeferred(tx -> {
                    tx.putMeta(key, b(key));
                    return null;
                });
            }
            assertThat(store.walSyncs()).as("deferred writes sync nothing").isEqualTo(before);
            boolean visible = store.<Boolean>read(tx -> tx.meta("d99").isPresent());
            assertThat(visible).as("but are visible at once").isTrue();
            store.sync();
            assertThat(store.walSyncs()).isEqualTo(before + 1);
            store.sync();
            assertThat(store.walSyncs()).as("nothing new to sync").isEqualTo(before + 1);
            store.write(tx -> {
                tx.putMeta("durable", b("x"));
                return null;
            });
            assertThat(store.walSyncs()).isEqualTo(before + 2);
        }
    }

    /** The leader protocol alone, with a slow fake sync that records how far each sync reached. */
    @Test
    void noWaiterReturnsBeforeASyncCoveringItsAppend() throws Exception {
        AtomicLong covered = new AtomicLong();
        GroupCommit[] gc = new GroupCommit[1];
        gc[0] = new GroupCommit(() -> {
            long reach = gc[0].latest(); // appends numbered up to here are in the log now
            Thread.sleep(2);
            covered.accumulateAndGet(reach, Math::max);
        });
        ConcurrentLinkedQueue<String> early = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<?>> done = new ArrayList<>();
            Object appendLock = new Object();
            for (int t = 0; t < 12; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 30; i++) {
                        long n;
                        synchronized (appendLock) {
                            n = gc[0].appended();
                        }
                        gc[0].awaitDurable(n);
                        if (covered.get() < n) {
                            early.add("append " + n + " returned with syncs covering only " + covered.get());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(early).isEmpty();
        assertThat(gc[0].syncs()).isLessThan(12 * 30);
    }
}
