package io.dittofs.block.core;

import static io.dittofs.block.core.EngineFixture.bytes;
import static io.dittofs.block.core.EngineFixture.id;
import static io.dittofs.block.core.EngineFixture.read;
import static io.dittofs.block.core.EngineFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.block.core.cas.BlockHash;
import io.dittofs.block.local.Journal;
import io.dittofs.block.local.LocalStore;
import io.dittofs.block.local.memory.MemoryLocalStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Reads do not wait for a checkpoint: with a checkpoint held inside its block store (it holds the
 * engine's exclusive lock there), reads of sealed, dirty and patched content all answer, with the
 * bytes written; writes wait for the checkpoint as before.
 */
class ReadDuringCheckpointTest {

    static final int BS = 64 * 1024;

    @Test
    void readsAnswerWhileACheckpointIsUnderWay() throws Exception {
        GatedStore local = new GatedStore(new MemoryLocalStore());
        EngineSettings d = EngineSettings.defaults();
        // no timer checkpoint: the test's own checkpoint must be the one held
        EngineSettings settings = new EngineSettings(BS, d.dirtyLimitBytes(), d.walLimitBytes(), java.time.Duration.ofHours(1),
                0, d.remotePrefix(), d.initialBackoff(), d.maxBackoff())
                // whole-block writes hashed on the request path: the gate must hold the checkpoint, not the
                // block-hasher (a payload with blocks pending waits for the checkpoint: HashBehindTest)
                .withHashBehind(0);
        try (BlockEngine e = BlockEngine.open(local, null, settings)) {
            byte[] sealed = bytes(1, 2 * BS);
            write(e, "sealed", 0, sealed, false);
            e.checkpoint();
            byte[] patch = bytes(2, 100);
            write(e, "sealed", 10, patch, false); // a patched block
            byte[] dirty = bytes(3, BS);
            write(e, "dirty", 0, dirty, false);

            local.gate = new CountDownLatch(1);
            CompletableFuture<Void> checkpoint = CompletableFuture.runAsync(() -> {
                try {
                    e.checkpoint();
                } catch (IOException ex) {
                    throw new RuntimeException(ex);
                }
            });
            assertThat(local.entered.await(30, TimeUnit.SECONDS)).as("checkpoint reached the store").isTrue();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    write(e, "other", 0, bytes(4, 10), false);
                } catch (IOException ex) {
                    throw new RuntimeException(ex);
                }
            });

            byte[] expect = sealed.clone();
            System.arraycopy(patch, 0, expect, 10, patch.length);
            assertThat(read(e, "sealed", 0, 2 * BS)).isEqualTo(expect);
            assertThat(read(e, "sealed", BS + 5, 4096)).isEqualTo(Arrays.copyOfRange(sealed, BS + 5, BS + 4101));
            assertThat(read(e, "dirty", 0, BS)).isEqualTo(dirty);
            assertThat(checkpoint).as("the checkpoint is still held").isNotDone();
            assertThat(writer).as("writes wait for the checkpoint").isNotDone();

            local.gate.countDown();
            checkpoint.get(30, TimeUnit.SECONDS);
            writer.get(30, TimeUnit.SECONDS);
            assertThat(read(e, "sealed", 0, 2 * BS)).isEqualTo(expect);
            assertThat(read(e, "dirty", 0, BS)).isEqualTo(dirty);
            assertThat(read(e, "other", 0, 10)).isEqualTo(bytes(4, 10));
        }
    }

    /** Holds the first putBlock after {@link #gate} is set until it opens. */
    static final class GatedStore implements LocalStore {
        private final LocalStore inner;
        volatile CountDownLatch gate;
        final CountDownLatch entered = new CountDownLatch(1);

        GatedStore(LocalStore inner) {
            this.inner = inner;
        }

        @Override
        public void putBlock(BlockHash hash, ByteBuffer content) throws IOException {
            CountDownLatch g = gate;
            if (g != null) {
                entered.countDown();
                try {
                    g.await();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IOException(ex);
                }
            }
            inner.putBlock(hash, content);
        }

        @Override
        public void syncBlocks() throws IOException {
            inner.syncBlocks();
        }

        @Override
        public boolean hasBlock(BlockHash hash) {
            return inner.hasBlock(hash);
        }

        @Override
        public ByteBuffer readBlock(BlockHash hash) throws IOException {
            return inner.readBlock(hash);
        }

        @Override
        public int readBlock(BlockHash hash, long position, ByteBuffer dst) throws IOException {
            return inner.readBlock(hash, position, dst);
        }

        @Override
        public ByteBuffer view(BlockHash hash, long position, int length) throws IOException {
            return inner.view(hash, position, length);
        }

        @Override
        public boolean deleteBlock(BlockHash hash) throws IOException {
            return inner.deleteBlock(hash);
        }

        @Override
        public Map<BlockHash, Long> listBlocks() throws IOException {
            return inner.listBlocks();
        }

        @Override
        public Journal journal() {
            return inner.journal();
        }

        @Override
        public void writeCheckpoint(ByteBuffer checkpoint) throws IOException {
            inner.writeCheckpoint(checkpoint);
        }

        @Override
        public ByteBuffer readCheckpoint() throws IOException {
            return inner.readCheckpoint();
        }

        @Override
        public long usedBytes() {
            return inner.usedBytes();
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }
}
