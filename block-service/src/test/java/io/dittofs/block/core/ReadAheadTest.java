package io.dittofs.block.core;

import static io.dittofs.block.core.EngineFixture.bytes;
import static io.dittofs.block.core.EngineFixture.id;
import static io.dittofs.block.core.EngineFixture.read;
import static io.dittofs.block.core.EngineFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.block.core.blockmap.Entry;
import io.dittofs.block.core.cas.BlockHash;
import io.dittofs.block.local.memory.MemoryLocalStore;
import io.dittofs.block.remote.memory.MemoryRemoteStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A sequential reader of content evicted to the remote tier finds the next blocks fetched ahead. */
class ReadAheadTest {

    static final int BS = 64 * 1024;

    private static BlockHash hashOf(BlockEngine e, long index) {
        return ((Entry.Sealed) e.table().get(id("f")).blocks().get(index)).hash();
    }

    @Test
    void sequentialReadsFetchTheNextBlocksFromTheRemoteTier() throws Exception {
        MemoryLocalStore local = new MemoryLocalStore();
        MemoryRemoteStore remote = new MemoryRemoteStore();
        EngineSettings settings = EngineSettings.defaults().withBlockSize(BS).withCacheMaxBytes(BS)
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(200)).withRemote(4, 3);
        try (BlockEngine e = BlockEngine.open(local, remote, settings)) {
            byte[] data = bytes(1, 12 * BS);
            write(e, "f", 0, data, true);
            e.checkpoint();
            assertThat(e.awaitSynced(Duration.ofSeconds(30))).isTrue();
            e.content().evict(Set.of());
            assertThat(local.hasBlock(hashOf(e, 2))).as("evicted to the remote tier").isFalse();
            // the cache keeps its most recently used block; which one that is depends on the upload order
            Set<Long> beyondWindow = new HashSet<>();
            for (long i = 5; i < 12; i++) {
                if (!local.hasBlock(hashOf(e, i))) {
                    beyondWindow.add(i);
                }
            }
            assertThat(beyondWindow).as("the cache holds at most one block").hasSizeGreaterThanOrEqualTo(6);
            // two sequential reads: the second one triggers read-ahead of blocks 2..4
            assertThat(read(e, "f", 0, BS)).isEqualTo(Arrays.copyOfRange(data, 0, BS));
            assertThat(read(e, "f", BS, BS)).isEqualTo(Arrays.copyOfRange(data, BS, 2 * BS));
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!(local.hasBlock(hashOf(e, 2)) && local.hasBlock(hashOf(e, 4))) && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(local.hasBlock(hashOf(e, 2))).as("block 2 fetched ahead").isTrue();
            assertThat(local.hasBlock(hashOf(e, 4))).as("block 4 fetched ahead").isTrue();
            for (long i : beyondWindow) {
                assertThat(local.hasBlock(hashOf(e, i))).as("block %d is beyond the read-ahead window", i).isFalse();
            }
            assertThat(read(e, "f", 2 * BS, 3 * BS)).isEqualTo(Arrays.copyOfRange(data, 2 * BS, 5 * BS));
        }
    }
}
