package io.dittofs.block.core;

import static io.dittofs.block.core.EngineFixture.bytes;
import static io.dittofs.block.core.EngineFixture.id;
import static io.dittofs.block.core.EngineFixture.read;
import static io.dittofs.block.core.EngineFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.block.local.fs.FsLocalStore;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UNSTABLE whole-block writes answered before their blocks are hashed and stored: every later
 * operation of the payload sees them in order, COMMIT makes them durable, the pool bounds them, and
 * a block that cannot be stored after its reply changes the write verifier.
 */
class HashBehindTest {

    static final int BS = EngineBehaviourTest.BS;
    static final EngineSettings SETTINGS = EngineBehaviourTest.SETTINGS; // hash-behind on: the default

    @TempDir
    Path dir;

    @Test
    void laterOperationsSeeAnsweredBlocksInTheOrderTheyWereWritten() throws Exception {
        byte[] first = bytes(1, 8 * BS);
        byte[] second = bytes(2, BS);
        byte[] patch = bytes(3, 100);
        try (FsLocalStore store = new FsLocalStore(dir, 0); BlockEngine e = BlockEngine.open(store, null, SETTINGS)) {
            var answer = e.write(id("p"), 0, ByteBuffer.wrap(first), false);
            assertThat(answer.size()).as("the size counts the pending blocks").isEqualTo(8L * BS);
            write(e, "p", 2L * BS, second, false); // the same block again, still pending behind the first
            write(e, "p", 2L * BS + 10, patch, false); // a partial write waits for both
            byte[] expected = first.clone();
            System.arraycopy(second, 0, expected, 2 * BS, BS);
            System.arraycopy(patch, 0, expected, 2 * BS + 10, patch.length);
            assertThat(read(e, "p", 0, 8 * BS)).isEqualTo(expected);
            assertThat(e.stat(id("p")).size()).isEqualTo(8L * BS);
        }
    }

    @Test
    void aResidentReadDoesNotWaitForPendingBlocks() throws Exception {
        byte[] data = bytes(4, BS);
        try (FsLocalStore store = new FsLocalStore(dir, 0); BlockEngine e = BlockEngine.open(store, null, SETTINGS)) {
            write(e, "p", 0, data, false);
            var r = e.readIfResident(id("p"), 0, 100);
            // either the block was already stored (and the answer is right) or the caller must read blocking
            if (r != null) {
                assertThat(r.data()).isEqualTo(Arrays.copyOf(data, 100));
            }
            assertThat(read(e, "p", 0, 100)).isEqualTo(Arrays.copyOf(data, 100));
        }
    }

    @Test
    void committedBlocksSurviveACrashAndThePoolBoundsWhatIsPending() throws Exception {
        EngineSettings tight = SETTINGS.withHashBehind(2L * BS); // two blocks pending at most: writers wait
        byte[] data = bytes(5, 32 * BS);
        Path root = dir.resolve("local");
        byte[] verifier;
        FsLocalStore store = new FsLocalStore(root, 0);
        BlockEngine e = BlockEngine.open(store, null, tight);
        verifier = e.verifier();
        for (int i = 0; i < 32; i++) {
            write(e, "p", (long) i * BS, Arrays.copyOfRange(data, i * BS, (i + 1) * BS), false);
        }
        e.commit(id("p"));
        assertThat(e.verifier()).as("nothing was lost").isEqualTo(verifier);
        e.abandon(); // a kill -9 right after COMMIT: no checkpoint, no close
        store.close();
        try (FsLocalStore again = new FsLocalStore(root, 0); BlockEngine reopened = BlockEngine.open(again, null, tight)) {
            assertThat(read(reopened, "p", 0, 32 * BS)).isEqualTo(data);
        }
    }

    @Test
    void aBlockThatCannotBeStoredAfterItsReplyChangesTheVerifier() throws Exception {
        // the local tier holds a few blocks: the rest fail after their (UNSTABLE) replies
        try (FsLocalStore store = new FsLocalStore(dir, 6L * BS); BlockEngine e = BlockEngine.open(store, null, SETTINGS)) {
            byte[] before = e.verifier();
            int answered = 0;
            for (int i = 0; i < 16; i++) {
                try {
                    write(e, "p", (long) i * BS, bytes(10 + i, BS), false);
                    answered++;
                } catch (java.io.IOException | RuntimeException full) {
                    break; // the tier is full for a write that hashes on the request path too
                }
            }
            assertThat(answered).as("writes answered before the tier filled").isPositive();
            e.stat(id("p")); // waits for the pending blocks
            assertThat(e.verifier()).as("the clients must send their uncommitted writes again").isNotEqualTo(before);
        }
    }

    @Test
    void aCrashKeepsAPendingWriteWhollyOrNotAtAll() throws Exception {
        Path root = dir.resolve("atomic");
        byte[] old = bytes(20, BS);
        byte[] rest = bytes(22, 2 * BS);
        byte[] three = new byte[3 * BS]; // a first block of zeros is stored nowhere: no put to hold
        System.arraycopy(rest, 0, three, BS, 2 * BS);
        FsLocalStore fs = new FsLocalStore(root, 0);
        ReadDuringCheckpointTest.GatedStore gated = new ReadDuringCheckpointTest.GatedStore(fs);
        BlockEngine e = BlockEngine.open(gated, null, SETTINGS);
        write(e, "p", 0, old, false);
        e.commit(id("p"));
        byte[] verifier = e.verifier();
        gated.gate = new java.util.concurrent.CountDownLatch(1); // every block put from now on is held
        write(e, "p", 0, three, false); // answered at once
        assertThat(gated.entered.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("the hasher reached the second block")
                .isTrue();
        e.abandon(); // the crash: the first block needed no put, the second was never stored
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (Arrays.equals(e.verifier(), verifier) && System.nanoTime() < until) {
            Thread.sleep(10); // the interrupted hasher gives the write up
        }
        assertThat(e.verifier()).as("the answered write was lost").isNotEqualTo(verifier);
        fs.close();
        try (FsLocalStore again = new FsLocalStore(root, 0); BlockEngine reopened = BlockEngine.open(again, null, SETTINGS)) {
            // one write, one record: none of it, not its first block alone
            assertThat(read(reopened, "p", 0, 3 * BS)).isEqualTo(old);
        }
    }
}
