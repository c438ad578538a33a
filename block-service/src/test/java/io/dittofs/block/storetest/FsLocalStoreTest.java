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
