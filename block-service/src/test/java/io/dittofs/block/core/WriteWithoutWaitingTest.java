package io.dittofs.block.core;

import static io.dittofs.block.core.EngineFixture.bytes;
import static io.dittofs.block.core.EngineFixture.id;
import static io.dittofs.block.core.EngineFixture.read;
import static io.dittofs.block.core.EngineFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.block.local.fs.FsLocalStore;
import io.dittofs.block.local.memory.MemoryLocalStore;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BlockEngine#writeWithoutWaiting}: an UNSTABLE write taken in memory answers as
 * {@link BlockEngine#write} would and is logged like it (COMMIT then kill -9 keeps it); every write
 * that would have to wait is declined with nothing changed.
 */
class WriteWithoutWaitingTest {

    static final int BS = EngineBehaviourTest.BS;

    @TempDir
    Path dir;

    @Test
    void aWriteTakenInMemoryIsReadBackAndSurvivesCommitThenAKill() throws Exception {
        Path root = dir.resolve("local");
        byte[] base = bytes(1, 3 * BS);
        byte[] patch = bytes(2, 4096);
        FsLocalStore first = new FsLocalStore(root, 0);
        BlockEngine e = BlockEngine.open(first, null, EngineBehaviourTest.SETTINGS);
        write(e, "p", 0, base, true);
        e.checkpoint(); // sealed: the patch goes to an overlay
        var w = e.writeWithoutWaiting(id("p"), BS + 100, ByteBuffer.wrap(patch));
        assertThat(w).as("taken in memory").isNotNull();
        assertThat(w.count()).isEqualTo(patch.length);
        assertThat(w.stable()).isFalse();
        assertThat(w.size()).isEqualTo(3L * BS);
        var grown = e.writeWithoutWaiting(id("p"), 3L * BS + 10, ByteBuffer.wrap(patch));
        assertThat(grown).as("into a hole past the end").isNotNull();
        assertThat(grown.size()).isEqualTo(3L * BS + 10 + patch.length);
        byte[] expect = Arrays.copyOf(base, 3 * BS + 10 + patch.length);
        System.arraycopy(patch, 0, expect, BS + 100, patch.length);
        System.arraycopy(patch, 0, expect, 3 * BS + 10, patch.length);
        assertThat(read(e, "p", 0, expect.length)).isEqualTo(expect);

        e.commit(id("p"));
        e.abandon(); // kill -9 after COMMIT: no checkpoint, and the store is not closed (which would write its buffer)
        try (FsLocalStore again = new FsLocalStore(root, 0);
             BlockEngine e2 = BlockEngine.open(again, null, EngineBehaviourTest.SETTINGS)) {
            assertThat(e2.read(id("p"), 0, 10 * BS).data()).isEqualTo(expect);
        }
        first.close();
    }

    @Test
    void writesThatWouldWaitAreDeclinedAndChangeNothing() throws Exception {
        byte[] base = bytes(3, 2 * BS);
        try (FsLocalStore store = new FsLocalStore(dir.resolve("d"), 0);
             BlockEngine e = BlockEngine.open(store, null, EngineBehaviourTest.SETTINGS)) {
            write(e, "p", 0, base, true);
            e.checkpoint();
            assertThat(e.writeWithoutWaiting(id("p"), 0, ByteBuffer.wrap(bytes(4, BS))))
                    .as("whole blocks are hashed and stored").isNull();
            assertThat(e.writeWithoutWaiting(id("p"), 10, ByteBuffer.wrap(bytes(5, BS / 2))))
                    .as("more than a sealed block's overlay takes: the block must be read").isNull();
            assertThat(read(e, "p", 0, 2 * BS)).isEqualTo(base);

            // the log's buffer fills: the write that does not fit is declined, the ones before it are kept
            byte[] expect = base.clone();
            int taken = 0;
            for (int i = 0; i < 1000; i++) {
                byte[] small = bytes(100 + i, 4000);
                int at = (i * 4000) % (BS - 4000);
                if (e.writeWithoutWaiting(id("q"), at, ByteBuffer.wrap(small)) == null) {
                    break;
                }
                taken++;
            }
            assertThat(taken).as("the buffer took some, then declined one").isBetween(1, 999);
            assertThat(e.stat(id("q")).size()).isLessThanOrEqualTo(BS);
            write(e, "q", 0, bytes(7, 10), false); // the ordinary path writes the buffer out and goes on
            assertThat(e.writeWithoutWaiting(id("q"), 20, ByteBuffer.wrap(bytes(8, 10)))).isNotNull();
            assertThat(read(e, "p", 0, 2 * BS)).isEqualTo(expect);
        }
    }

    @Test
    void aWriteDuringACheckpointIsDeclined() throws Exception {
        ReadDuringCheckpointTest.GatedStore local = new ReadDuringCheckpointTest.GatedStore(new MemoryLocalStore());
        EngineSettings d = EngineSettings.defaults();
        EngineSettings settings = new EngineSettings(BS, d.dirtyLimitBytes(), d.walLimitBytes(), Duration.ofHours(1),
                0, d.remotePrefix(), d.initialBackoff(), d.maxBackoff()).withHashBehind(0);
        try (BlockEngine e = BlockEngine.open(local, null, settings)) {
            write(e, "p", 0, bytes(9, 100), false); // a dirty block: the checkpoint stores it, held in the gate
            local.gate = new CountDownLatch(1);
            CompletableFuture<Void> checkpoint = CompletableFuture.runAsync(() -> {
                try {
                    e.checkpoint();
                } catch (java.io.IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            });
            assertThat(local.entered.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(e.writeWithoutWaiting(id("p"), 10, ByteBuffer.wrap(bytes(10, 10))))
                    .as("the checkpoint holds the engine: a writer would wait").isNull();
            local.gate.countDown();
            checkpoint.get(30, TimeUnit.SECONDS);
            assertThat(e.writeWithoutWaiting(id("p"), 10, ByteBuffer.wrap(bytes(10, 10)))).isNotNull();
            byte[] expect = bytes(9, 100);
            System.arraycopy(bytes(10, 10), 0, expect, 10, 10);
            assertThat(read(e, "p", 0, 100)).isEqualTo(expect);
        }
    }
}
