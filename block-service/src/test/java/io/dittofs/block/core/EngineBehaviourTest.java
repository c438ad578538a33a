package io.dittofs.block.core;

import static io.dittofs.block.core.EngineFixture.bytes;
import static io.dittofs.block.core.EngineFixture.id;
import static io.dittofs.block.core.EngineFixture.read;
import static io.dittofs.block.core.EngineFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.block.core.cas.BlockHash;
import io.dittofs.block.local.fs.FsLocalStore;
import io.dittofs.block.local.memory.MemoryLocalStore;
import io.dittofs.block.remote.memory.MemoryRemoteStore;
import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dedup, clone by reference, reference counts, garbage collection, restart, corruption and the cache. */
class EngineBehaviourTest {

    static final int BS = 64 * 1024;
    static final EngineSettings SETTINGS = EngineSettings.defaults().withBlockSize(BS)
            .withBackoff(Duration.ofMillis(10), Duration.ofMillis(200));

    @TempDir
    Path dir;

    @Test
    void identicalBlocksAreStoredOnceAndCollectedWhenTheLastReferenceGoes() throws Exception {
        MemoryLocalStore local = new MemoryLocalStore();
        try (BlockEngine e = BlockEngine.open(local, null, SETTINGS)) {
            byte[] block = bytes(1, BS);
            write(e, "a", 0, block, false);
            write(e, "b", 5L * BS, block, false);
            write(e, "a", BS, block, false);
            e.checkpoint();
            assertThat(local.listBlocks()).hasSize(1);
            BlockHash h = local.listBlocks().keySet().iterator().next();
            assertThat(e.refs().count(h)).isEqualTo(3);
            e.delete(id("a"));
            e.checkpoint();
            assertThat(e.refs().count(h)).isEqualTo(1);
            assertThat(local.hasBlock(h)).isTrue();
            e.truncate(id("b"), 0);
            e.checkpoint();
            assertThat(local.listBlocks()).isEmpty();
        }
    }

    @Test
    void cloneSharesSealedBlocksWithoutCopyingData() throws Exception {
        MemoryLocalStore local = new MemoryLocalStore();
        try (BlockEngine e = BlockEngine.open(local, null, SETTINGS)) {
            byte[] data = bytes(2, 10 * BS + 123);
            write(e, "src", 0, data, true);
            e.checkpoint();
            long blocks = local.listBlocks().size();
            long used = local.usedBytes();
            e.cloneRange(id("src"), 0, id("dst"), 0, 0, true);
            e.cloneRange(id("src"), 2L * BS, id("dst2"), 7L * BS, 3L * BS, true);
            assertThat(e.dirtyBlockCount()).isZero(); // nothing was copied into the heap
            e.checkpoint();
            assertThat(local.listBlocks()).hasSize((int) blocks);
            assertThat(local.usedBytes() - used).isLessThan(BS); // only the checkpoint grew
            assertThat(read(e, "dst", 0, data.length)).isEqualTo(data);
            assertThat(read(e, "dst2", 7L * BS, 3 * BS)).isEqualTo(java.util.Arrays.copyOfRange(data, 2 * BS, 5 * BS));
            for (BlockHash h : local.listBlocks().keySet()) {
                assertThat(e.refs().count(h)).isGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void stableDataSurvivesAnAbandonedEngineAndOrphansAreCollectedOnRestart() throws Exception {
        Path root = dir.resolve("local");
        byte[] a = bytes(3, 3 * BS + 17);
        byte[] orphan = bytes(4, 1000);
        BlockHash orphanHash = BlockHash.of(orphan, 0, orphan.length);
        FsLocalStore first = new FsLocalStore(root, 0);
        BlockEngine e = BlockEngine.open(first, null, SETTINGS);
        write(e, "p", 0, a, false);
        e.checkpoint();
        write(e, "p", 100, bytes(5, 50), true); // only in the log
        e.truncate(id("p"), 2L * BS + 5);
        first.putBlock(orphanHash, ByteBuffer.wrap(orphan)); // as if a crash hit between store and checkpoint
        e.abandon(); // no flush: the next start must replay the log
        first.close();
        byte[] expect = java.util.Arrays.copyOf(a, 2 * BS + 5);
        System.arraycopy(bytes(5, 50), 0, expect, 100, 50);
        try (FsLocalStore again = new FsLocalStore(root, 0); BlockEngine e2 = BlockEngine.open(again, null, SETTINGS)) {
            assertThat(e2.read(id("p"), 0, 10 * BS).data()).isEqualTo(expect);
            assertThat(again.hasBlock(orphanHash)).isFalse();
            for (BlockHash h : again.listBlocks().keySet()) {
                assertThat(e2.refs().live(h)).isTrue();
            }
        }
    }

    @Test
    void corruptLocalBlockIsRefetchedFromTheRemoteTierOrReportedAsIo() throws Exception {
        Path root = dir.resolve("corrupt");
        MemoryRemoteStore remote = new MemoryRemoteStore();
        byte[] a = bytes(6, BS);
        BlockHash h = BlockHash.of(a, 0, a.length);
        try (FsLocalStore l = new FsLocalStore(root, 0); BlockEngine e = BlockEngine.open(l, remote, SETTINGS)) {
            write(e, "c", 0, a, true);
            e.checkpoint();
            assertThat(e.awaitSynced(Duration.ofSeconds(30))).isTrue();
        }
        Path file = root.resolve("blocks").resolve(h.hex().substring(0, 2)).resolve(h.hex());
        byte[] bad = Files.readAllBytes(file);
        bad[1000] ^= 0x5a;
        Files.write(file, bad);
        try (FsLocalStore l = new FsLocalStore(root, 0); BlockEngine e = BlockEngine.open(l, remote, SETTINGS)) {
            assertThat(read(e, "c", 0, BS)).isEqualTo(a);
            assertThat(Files.readAllBytes(file)).isEqualTo(a); // repaired locally
        }
        Files.write(file, bad);
        try (FsLocalStore l = new FsLocalStore(root, 0); BlockEngine e = BlockEngine.open(l, null, SETTINGS)) {
            assertThatThrownBy(() -> read(e, "c", 0, BS)).isInstanceOf(StatusException.class)
                    .extracting(t -> ((StatusException) t).status()).isEqualTo(Status.IO);
        }
    }

    @Test
    void boundedCacheEvictsOnlySyncedBlocksAndReadsFallBackToTheRemoteTier() throws Exception {
        MemoryLocalStore local = new MemoryLocalStore();
        MemoryRemoteStore remote = new MemoryRemoteStore();
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        io.dittofs.block.remote.RemoteStore gated = new io.dittofs.block.remote.RemoteStore() {
            public void put(String key, byte[] content) throws java.io.IOException {
                try {
                    gate.await(); // uploads wait until the test opens the gate
                } catch (InterruptedException ie) {
                    throw new java.io.InterruptedIOException();
                }
                remote.put(key, content);
            }
            public byte[] get(String key) { return remote.get(key); }
            public void delete(String key) { remote.delete(key); }
            public java.util.Set<String> list(String prefix) { return remote.list(prefix); }
            public void close() { }
        };
        byte[] data = bytes(7, 12 * BS);
        try (BlockEngine e = BlockEngine.open(local, gated, SETTINGS.withCacheMaxBytes(2L * BS))) {
            write(e, "f", 0, data, false);
            e.checkpoint();
            e.checkpoint();
            assertThat(local.listBlocks()).hasSize(12); // nothing is on the remote tier yet: nothing may go
            gate.countDown();
            assertThat(e.awaitSynced(Duration.ofSeconds(30))).isTrue();
            assertThat(remote.list("blocks/")).hasSize(12);
            assertThat(e.stat(id("f")).fullySynced()).isTrue();
            e.checkpoint();
            assertThat(local.listBlocks().size()).isLessThanOrEqualTo(2);
            assertThat(read(e, "f", 0, data.length)).isEqualTo(data);
        }
    }

    @Test
    void writesOfZerosAreAllocatedButStoreNothing() throws Exception {
        MemoryLocalStore local = new MemoryLocalStore();
        try (BlockEngine e = BlockEngine.open(local, null, SETTINGS)) {
            write(e, "z", 0, new byte[4 * BS], false);
            e.checkpoint();
            assertThat(local.listBlocks()).isEmpty();
            assertThat(e.stat(id("z")).allocatedBytes()).isEqualTo(4L * BS);
            assertThat(e.seek(id("z"), 0, false).eof()).isFalse();
            assertThat(e.seek(id("z"), 0, false).offset()).isEqualTo(4L * BS);
        }
    }

    /**
     * A read inside one sealed block of the fs tier lends a view of the block's mapping (no copy);
     * later writes, a checkpoint that replaces the block and its collection never change the bytes
     * a reader already holds. Reads across blocks, of dirty or patched blocks, are copies.
     */
    @Test
    void readsLendImmutableViewsOfSealedBlocks() throws Exception {
        byte[] a = bytes(21, 4 * BS);
        try (FsLocalStore local = new FsLocalStore(dir.resolve("views"), 0);
             BlockEngine e = BlockEngine.open(local, null, SETTINGS)) {
            write(e, "v", 0, a, false);
            assertThat(e.read(id("v"), BS, 4096).buffer().isDirect()).as("whole blocks are sealed when written: a view")
                    .isTrue();
            write(e, "d", 10, a, false); // unaligned: dirty blocks
            assertThat(e.read(id("d"), BS, 4096).buffer().isDirect()).as("dirty block: a copy").isFalse();
            e.checkpoint();
            Results.Read lent = e.read(id("v"), BS + 100, 4096);
            assertThat(lent.buffer().isDirect()).as("sealed block: a mapped view").isTrue();
            assertThat(lent.buffer().isReadOnly()).isTrue();
            assertThat(lent.data()).isEqualTo(java.util.Arrays.copyOfRange(a, BS + 100, BS + 4196));
            assertThat(e.read(id("v"), BS - 10, 100).buffer().isDirect()).as("across two blocks: a copy").isFalse();
            assertThat(e.read(id("v"), BS - 10, 100).data()).isEqualTo(java.util.Arrays.copyOfRange(a, BS - 10, BS + 90));

            write(e, "v", BS, bytes(22, BS), false); // the whole block replaced
            e.checkpoint();                          // the old block loses its last reference and is deleted
            assertThat(lent.data()).as("bytes lent before").isEqualTo(java.util.Arrays.copyOfRange(a, BS + 100, BS + 4196));
            assertThat(e.read(id("v"), BS + 100, 4096).data()).isEqualTo(java.util.Arrays.copyOfRange(bytes(22, BS), 100, 4196));

            write(e, "v", 2 * BS + 8, bytes(23, 8), false); // a small write: the block is patched
            byte[] expect = java.util.Arrays.copyOfRange(a, 2 * BS, 3 * BS);
            System.arraycopy(bytes(23, 8), 0, expect, 8, 8);
            assertThat(e.read(id("v"), 2 * BS, BS).data()).isEqualTo(expect);
        }
        try (FsLocalStore copying = new FsLocalStore(dir.resolve("copies"), 0, false);
             BlockEngine e = BlockEngine.open(copying, null, SETTINGS)) {
            write(e, "c", 0, a, false);
            e.checkpoint();
            assertThat(e.read(id("c"), 100, 4096).buffer().isDirect()).as("mapped reads off").isFalse();
            assertThat(e.read(id("c"), 100, 4096).data()).isEqualTo(java.util.Arrays.copyOfRange(a, 100, 4196));
        }
    }
}
