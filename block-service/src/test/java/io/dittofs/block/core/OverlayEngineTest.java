package io.dittofs.block.core;

import static io.dittofs.block.core.EngineFixture.bytes;
import static io.dittofs.block.core.EngineFixture.id;
import static io.dittofs.block.core.EngineFixture.read;
import static io.dittofs.block.core.EngineFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.block.core.blockmap.Entry;
import io.dittofs.block.local.fs.FsLocalStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small writes into sealed blocks go to overlays (no read of the block), reads merge overlay and
 * block, the checkpoint seals the merge, and the log rebuilds the overlays after a crash. Every
 * step is compared with a plain byte array that received the same operations.
 */
class OverlayEngineTest {

    static final int BS = 64 * 1024;
    static final EngineSettings SETTINGS = EngineSettings.defaults().withBlockSize(BS)
            .withBackoff(Duration.ofMillis(10), Duration.ofMillis(200));

    @TempDir
    Path dir;

    private byte[] model;
    private long size;

    private void apply(BlockEngine e, long off, byte[] data, boolean stable) throws Exception {
        write(e, "p", off, data, stable);
        if (off + data.length > model.length) {
            model = Arrays.copyOf(model, (int) Math.max(off + data.length, model.length * 2L));
        }
        System.arraycopy(data, 0, model, (int) off, data.length);
        size = Math.max(size, off + data.length);
    }

    private void check(BlockEngine e) throws Exception {
        assertThat(e.read(id("p"), 0, (int) size + 100).data()).isEqualTo(Arrays.copyOf(model, (int) size));
    }

    @Test
    void smallWritesIntoSealedBlocksReadNoBlockAndSurviveCheckpointAndCrash() throws Exception {
        Path root = dir.resolve("local");
        Random r = new Random(11);
        model = bytes(1, 8 * BS + 1000);
        size = model.length;
        FsLocalStore first = new FsLocalStore(root, 0);
        BlockEngine e = BlockEngine.open(first, null, SETTINGS);
        write(e, "p", 0, model, true);
        e.checkpoint();
        for (int i = 0; i < 30; i++) {
            apply(e, r.nextInt((int) size - 2000), bytes(100 + i, 1 + r.nextInt(2000)), i % 3 == 0);
        }
        assertThat(e.overlayBytes()).as("small writes went to overlays").isPositive();
        assertThat(e.dirtyBlockCount()).as("no block was read into the heap for them").isZero();
        check(e);
        // many more, past the end too: overlays outgrow their bound and merge into dirty blocks
        for (int i = 0; i < 400; i++) {
            long off = r.nextInt((int) size + 2000);
            apply(e, off, bytes(200 + i, 1 + r.nextInt(6000)), i % 3 == 0);
            if (i % 50 == 0) {
                check(e);
            }
        }
        check(e);
        e.checkpoint();
        assertThat(e.overlayBytes()).as("the checkpoint merged every overlay").isZero();
        check(e);
        for (int i = 0; i < 200; i++) {
            apply(e, r.nextInt((int) size), bytes(1000 + i, 1 + r.nextInt(3000)), true);
        }
        check(e);
        e.abandon(); // a crash: the overlays exist only in the log now
        first.close();
        try (FsLocalStore again = new FsLocalStore(root, 0); BlockEngine e2 = BlockEngine.open(again, null, SETTINGS)) {
            check(e2);
            for (var h : again.listBlocks().keySet()) {
                assertThat(e2.refs().live(h)).as("no block the merged maps do not need").isTrue();
            }
        }
    }

    @Test
    void truncateDeallocateAndCloneOfPatchedBlocks() throws Exception {
        Path root = dir.resolve("ops");
        try (FsLocalStore l = new FsLocalStore(root, 0); BlockEngine e = BlockEngine.open(l, null, SETTINGS)) {
            byte[] data = bytes(7, 4 * BS);
            write(e, "p", 0, data, true);
            e.checkpoint();
            byte[] patch = bytes(8, 500);
            for (int b = 0; b < 4; b++) {
                write(e, "p", b * BS + 1000, patch, false);
                System.arraycopy(patch, 0, data, b * BS + 1000, 500);
            }
            assertThat(e.table().get(id("p")).blocks().get(1L)).isInstanceOf(Entry.Patched.class);
            // clone shares the patched blocks with their overlays
            e.cloneRange(id("p"), 0, id("q"), 0, 0, true);
            assertThat(read(e, "q", 0, 4 * BS)).isEqualTo(data);
            // cut inside block 3 (patched) and punch a hole inside block 1 (patched)
            e.truncate(id("p"), 3L * BS + 1200);
            e.deallocate(id("p"), BS + 900, 300);
            byte[] expect = Arrays.copyOf(data, 3 * BS + 1200);
            Arrays.fill(expect, BS + 900, BS + 1200, (byte) 0);
            assertThat(read(e, "p", 0, 4 * BS)).isEqualTo(expect);
            // a later write over the clone's overlay does not leak into the source
            write(e, "q", BS + 1100, bytes(9, 100), false);
            assertThat(read(e, "p", 0, 4 * BS)).isEqualTo(expect);
            e.checkpoint();
            assertThat(read(e, "p", 0, 4 * BS)).isEqualTo(expect);
            byte[] q = data.clone();
            System.arraycopy(bytes(9, 100), 0, q, BS + 1100, 100);
            assertThat(read(e, "q", 0, 4 * BS)).isEqualTo(q);
            assertThat(e.overlayBytes()).isZero();
        }
    }

    @Test
    void aWriteThatOutgrowsTheOverlayMergesTheBlock() throws Exception {
        try (FsLocalStore l = new FsLocalStore(dir.resolve("big"), 0); BlockEngine e = BlockEngine.open(l, null, SETTINGS)) {
            byte[] data = bytes(10, BS);
            write(e, "p", 0, data, true);
            e.checkpoint();
            // 1/4 of the block fits the overlay; the next write does not
            byte[] quarter = bytes(11, BS / 4);
            write(e, "p", 10, quarter, false);
            System.arraycopy(quarter, 0, data, 10, quarter.length);
            assertThat(e.table().get(id("p")).blocks().get(0L)).isInstanceOf(Entry.Patched.class);
            write(e, "p", BS / 2, bytes(12, 64), false);
            System.arraycopy(bytes(12, 64), 0, data, BS / 2, 64);
            assertThat(e.table().get(id("p")).blocks().get(0L)).isInstanceOf(Entry.Dirty.class);
            assertThat(e.overlayBytes()).isZero();
            assertThat(read(e, "p", 0, BS)).isEqualTo(data);
        }
    }
}
