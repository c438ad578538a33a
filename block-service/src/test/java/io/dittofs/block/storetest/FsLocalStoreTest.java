package io.dittofs.block.storetest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.block.core.cas.BlockHash;
import io.dittofs.block.local.LocalStore;
import io.dittofs.block.local.fs.FsLocalStore;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsLocalStoreTest extends LocalStoreConformance {

    @TempDir
    Path dir;
    private final AtomicInteger n = new AtomicInteger();

    @Override
    protected LocalStore open(long quotaBytes) throws Exception {
        return new FsLocalStore(dir.resolve("s" + n.incrementAndGet()), quotaBytes);
    }

    /**
     * The journal gathers small records in memory: at any moment (a kill -9 can come at any) the
     * file holds a prefix of what was appended, at least everything forced; close writes the rest.
     */
    @Test
    void theJournalFileIsAlwaysAPrefixOfTheAppendsAndHoldsEverythingForced() throws Exception {
        Path root = dir.resolve("prefix");
        java.io.ByteArrayOutputStream appended = new java.io.ByteArrayOutputStream();
        try (FsLocalStore s = new FsLocalStore(root, 0)) {
            for (int i = 0; i < 10; i++) {
                byte[] r = bytes(100 + i, 4096 + i);
                s.journal().append(ByteBuffer.wrap(r, 0, 100), ByteBuffer.wrap(r, 100, r.length - 100));
                appended.write(r);
            }
            assertThat(Files.size(root.resolve("wal.log"))).as("small records wait in memory, not one write each")
                    .isLessThan(s.journal().size());
            s.journal().force();
            long forced = s.journal().size();
            assertThat(fileBytes(root)).isEqualTo(appended.toByteArray());
            for (int i = 0; i < 200; i++) {
                // a large record now and then goes straight to the file, after the records before it
                byte[] r = bytes(200 + i, i % 50 == 7 ? 600_000 : 3000 + i);
                s.journal().append(ByteBuffer.wrap(r));
                appended.write(r);
                byte[] file = fileBytes(root);
                assertThat(file.length).isGreaterThanOrEqualTo((int) forced);
                assertThat(file).as("after record %d", i)
                        .isEqualTo(java.util.Arrays.copyOf(appended.toByteArray(), file.length));
            }
        }
        assertThat(fileBytes(root)).as("close writes the rest").isEqualTo(appended.toByteArray());
    }

    private static byte[] fileBytes(Path root) throws java.io.IOException {
        return Files.readAllBytes(root.resolve("wal.log"));
    }

    /** A block just written is lent without I/O: mapped when stored, its pages still in the page cache. */
    @Test
    void aBlockJustWrittenIsLentWithoutIo() throws Exception {
        try (FsLocalStore s = new FsLocalStore(dir.resolve("fresh"), 0)) {
            byte[] a = bytes(9, 64 * 1024);
            BlockHash h = BlockHash.of(a, 0, a.length);
            s.putBlockUnsynced(h, ByteBuffer.wrap(a));
            ByteBuffer v = s.residentView(h, 4096, 8192);
            assertThat(v).as("lent right after the write").isNotNull();
            byte[] got = new byte[8192];
            v.get(got);
            assertThat(got).isEqualTo(java.util.Arrays.copyOfRange(a, 4096, 4096 + 8192));
            byte[] b = bytes(10, 1000);
            BlockHash hb = BlockHash.of(b, 0, b.length);
            s.putBlock(hb, ByteBuffer.wrap(b));
            assertThat(s.residentView(hb, 0, 1000)).as("synced puts too").isNotNull();
        }
        try (FsLocalStore s = new FsLocalStore(dir.resolve("fresh"), 0, false)) {
            byte[] c = bytes(11, 100);
            BlockHash hc = BlockHash.of(c, 0, c.length);
            s.putBlock(hc, ByteBuffer.wrap(c));
            assertThat(s.residentView(hc, 0, 100)).as("a store that lends no views").isNull();
        }
    }

    /** Reads longer than MAX_VIEW_BYTES are copied by the caller (pread), shorter ones lent. */
    @Test
    void largeReadsAreCopiedNotLent() throws Exception {
        try (FsLocalStore s = new FsLocalStore(dir.resolve("large"), 0)) {
            byte[] a = bytes(12, 1 << 20);
            BlockHash h = BlockHash.of(a, 0, a.length);
            s.putBlock(h, ByteBuffer.wrap(a));
            assertThat(s.view(h, 0, FsLocalStore.MAX_VIEW_BYTES)).as("up to the bound: lent").isNotNull();
            assertThat(s.residentView(h, 0, FsLocalStore.MAX_VIEW_BYTES)).isNotNull();
            assertThat(s.view(h, 0, FsLocalStore.MAX_VIEW_BYTES + 1)).as("past it: copied").isNull();
            assertThat(s.residentView(h, 0, 1 << 20)).isNull();
            ByteBuffer whole = ByteBuffer.allocate(1 << 20);
            s.readBlock(h, 0, whole);
            assertThat(whole.array()).isEqualTo(a);
        }
    }

    @Test
    void everythingSurvivesReopenAndTempFilesAreCleaned() throws Exception {
        Path root = dir.resolve("persist");
        byte[] a = bytes(8, 4096);
        BlockHash h = BlockHash.of(a, 0, a.length);
        try (FsLocalStore s = new FsLocalStore(root, 0)) {
            s.putBlock(h, ByteBuffer.wrap(a));
            s.syncBlocks();
            s.journal().append(ByteBuffer.wrap(a));
            s.journal().force();
            s.writeCheckpoint(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        }
        Path stray = root.resolve("blocks").resolve(h.hex().substring(0, 2)).resolve(h.hex() + ".7.tmp");
        Files.write(stray, new byte[10]);
        try (FsLocalStore s = new FsLocalStore(root, 0)) {
            assertThat(s.hasBlock(h)).isTrue();
            assertThat(s.journal().size()).isEqualTo(4096);
            assertThat(s.readCheckpoint().remaining()).isEqualTo(3);
            assertThat(s.usedBytes()).isEqualTo(4096 + 4096 + 3);
            assertThat(stray).doesNotExist();
        }
    }
}
