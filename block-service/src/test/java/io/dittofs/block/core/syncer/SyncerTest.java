package io.dittofs.block.core.syncer;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.block.core.cache.LocalCache;
import io.dittofs.block.core.cas.BlockHash;
import io.dittofs.block.core.cas.ContentStore;
import io.dittofs.block.core.gc.RefCounts;
import io.dittofs.block.local.memory.MemoryLocalStore;
import io.dittofs.block.remote.RemoteStore;
import io.dittofs.block.remote.memory.MemoryRemoteStore;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Parallel uploads: several in flight, never more than configured, every block ends up remote. */
class SyncerTest {

    /** A remote that takes 20 ms per put and records how many puts overlapped. */
    static final class SlowRemote implements RemoteStore {
        final MemoryRemoteStore store = new MemoryRemoteStore();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();

        @Override
        public void put(String key, byte[] content) {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            store.put(key, content);
        }

        @Override
        public byte[] get(String key) {
            return store.get(key);
        }

        @Override
        public void delete(String key) {
            store.delete(key);
        }

        @Override
        public Set<String> list(String prefix) {
            return store.list(prefix);
        }

        @Override
        public void close() {
            store.close();
        }
    }

    private static int uploadAll(int workers) throws Exception {
        MemoryLocalStore local = new MemoryLocalStore();
        SlowRemote remote = new SlowRemote();
        ContentStore content = new ContentStore(local, remote, "blocks/", new LocalCache(0));
        RefCounts refs = new RefCounts();
        List<BlockHash> hashes = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            byte[] b = ("block " + i).getBytes();
            BlockHash h = BlockHash.of(b, 0, b.length);
            content.put(h, ByteBuffer.wrap(b));
            refs.incref(h);
            hashes.add(h);
        }
        try (Syncer s = new Syncer(content, refs, Duration.ofMillis(10), Duration.ofMillis(100), workers)) {
            hashes.forEach(s::upload);
            assertThat(s.awaitIdle(Duration.ofSeconds(60))).isTrue();
        }
        for (BlockHash h : hashes) {
            assertThat(remote.get(content.key(h))).as("uploaded %s", h).isNotNull();
        }
        assertThat(remote.maxInFlight.get()).isLessThanOrEqualTo(workers);
        return remote.maxInFlight.get();
    }

    @Test
    void uploadsRunInParallelUpToTheConfiguredWorkers() throws Exception {
        assertThat(uploadAll(8)).as("uploads overlapped").isGreaterThan(1);
        assertThat(uploadAll(1)).as("one worker: one at a time").isEqualTo(1);
    }
}
