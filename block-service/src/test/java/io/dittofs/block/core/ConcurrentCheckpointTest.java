package io.dittofs.block.core;

import static io.dittofs.block.core.EngineFixture.bytes;
import static io.dittofs.block.core.EngineFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.block.local.memory.MemoryLocalStore;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An explicit checkpoint called while another is under way (the timer's, a dirty limit's) waits for
 * it and then runs its own: the running one may have started before the caller's writes, so
 * returning early would leave them unsealed and their uploads unqueued (ReadAheadTest once found a
 * block still local after "checkpoint, await the uploads, evict").
 */
class ConcurrentCheckpointTest {

    static final int BS = 64 * 1024;

    @Test
    void aCheckpointCalledDuringAnotherWaitsForItAndRunsItsOwn() throws Exception {
        ReadDuringCheckpointTest.GatedStore local = new ReadDuringCheckpointTest.GatedStore(new MemoryLocalStore());
        EngineSettings d = EngineSettings.defaults();
        EngineSettings settings = new EngineSettings(BS, d.dirtyLimitBytes(), d.walLimitBytes(), Duration.ofHours(1),
                0, d.remotePrefix(), d.initialBackoff(), d.maxBackoff()).withHashBehind(0);
        try (BlockEngine e = BlockEngine.open(local, null, settings)) {
            write(e, "f", 0, bytes(1, 100), false); // a dirty block: the first checkpoint stores it
            long before = e.epoch();
            local.gate = new CountDownLatch(1);
            Thread first = Thread.ofPlatform().start(() -> checkpoint(e));
            assertThat(local.entered.await(30, TimeUnit.SECONDS)).as("the first checkpoint is held in the store").isTrue();

            Thread second = Thread.ofPlatform().start(() -> checkpoint(e));
            // the second has either returned (the fault) or is parked on the first
            while (second.getState() != Thread.State.WAITING && second.getState() != Thread.State.TERMINATED) {
                Thread.sleep(5);
            }
            local.gate.countDown();
            first.join(30_000);
            second.join(30_000);
            assertThat(first.isAlive() || second.isAlive()).as("both checkpoints finished").isFalse();
            assertThat(e.epoch()).as("two checkpoints ran, one after the other").isEqualTo(before + 2);
        }
    }

    private static void checkpoint(BlockEngine e) {
        try {
            e.checkpoint();
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
