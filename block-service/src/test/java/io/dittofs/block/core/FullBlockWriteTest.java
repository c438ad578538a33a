package io.dittofs.block.core;

import static io.dittofs.block.core.EngineFixture.bytes;
import static io.dittofs.block.core.EngineFixture.id;
import static io.dittofs.block.core.EngineFixture.read;
import static io.dittofs.block.core.EngineFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.block.core.blockmap.Entry;
import io.dittofs.block.core.cas.BlockHash;
import io.dittofs.block.local.Journal;
import io.dittofs.block.local.LocalStore;
import io.dittofs.block.local.fs.FsLocalStore;
import io.dittofs.block.local.memory.MemoryLocalStore;
import io.dittofs.block.remote.memory.MemoryRemoteStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole aligned blocks are written once: stored straight as sealed blocks, the log holding only
 * their hashes; the block files are synced before any log force that covers them, and replay
 * copes with a record whose block a crash lost (such a record was never forced).
 */
class FullBlockWriteTest {

    static final int BS = 64 * 1024;
    static final EngineSettings SETTINGS = EngineSettings.defaults().withBlockSize(BS)
            .withBackoff(Duration.ofMillis(10), Duration.ofMillis(200))
            .withHashBehind(0); // the request-path store itself (HashBehindTest covers the deferred one)

    @TempDir
    Path dir;

    private static BlockHash hashOf(byte[] b, int off) {
        return BlockHash.of(b, off, BS);
    }

    private static long journalSize(LocalStore s) throws IOException {
        return s.journal().size();
    }

    @Test
    void wholeBlocksAreStoredAtOnceAndLogOnlyTheirHashes() throws Exception {
        Path root = dir.resolve("local");
        byte[] data = bytes(1, 4 * BS);
        try (FsLocalStore store = new FsLocalStore(root, 0); BlockEngine e = BlockEngine.open(store, null, SETTINGS)) {
            long before = journalSize(store);
            write(e, "p", 0, data, false);
            assertThat(journalSize(store) - before).as("the log holds hashes, not 256 KiB").isLessThan(512);
            assertThat(e.dirtyBlockCount()).isZero();
            for (int i = 0; i < 4; i++) {
                assertThat(store.hasBlock(hashOf(data, i * BS))).as("block %d stored before any checkpoint", i).isTrue();
                assertThat(e.table().get(id("p")).blocks().get((long) i)).isEqualTo(new Entry.Sealed(hashOf(data, i * BS), BS));
            }
            // before the checkpoint: a lent view of the block inside one block, a copy across two
            assertThat(read(e, "p", 100, 1000)).isEqualTo(Arrays.copyOfRange(data, 100, 1100));
            assertThat(read(e, "p", BS - 10, 40)).isEqualTo(Arrays.copyOfRange(data, BS - 10, BS + 30));
            assertThat(read(e, "p", 0, 10 * BS)).isEqualTo(data);
            e.checkpoint();
            assertThat(read(e, "p", 0, 10 * BS)).isEqualTo(data);
            assertThat(e.table().get(id("p")).size()).isEqualTo(4L * BS);
        }
        try (FsLocalStore store = new FsLocalStore(root, 0); BlockEngine e = BlockEngine.open(store, null, SETTINGS)) {
            assertThat(read(e, "p", 0, 10 * BS)).isEqualTo(data);
            assertThat(store.listBlocks()).hasSize(4);
        }
    }

    @Test
    void identicalWholeBlocksAreStoredOnceAndCollectedWithTheirLastReference() throws Exception {
        byte[] block = bytes(2, BS);
        try (FsLocalStore store = new FsLocalStore(dir.resolve("local"), 0);
                BlockEngine e = BlockEngine.open(store, null, SETTINGS)) {
            write(e, "a", 0, block, false);
            write(e, "b", 3L * BS, block, true);
            write(e, "a", BS, block, false);
            BlockHash h = hashOf(block, 0);
            assertThat(store.listBlocks()).containsOnlyKeys(h);
            assertThat(e.refs().count(h)).isEqualTo(3);
            e.delete(id("a"));
            e.checkpoint();
            assertThat(store.hasBlock(h)).as("b still refers to it").isTrue();
            assertThat(read(e, "b", 3L * BS, BS)).isEqualTo(block);
            e.delete(id("b"));
            e.checkpoint();
            assertThat(store.listBlocks()).isEmpty();
            // the same content again after its collection: stored anew, not assumed present
            write(e, "c", 0, block, true);
            assertThat(store.hasBlock(h)).isTrue();
            assertThat(read(e, "c", 0, BS)).isEqualTo(block);
        }
    }

    @Test
    void partialWritesOverAWholeBlockPatchItAndTheOldBlockGoes() throws Exception {
        byte[] model = bytes(3, 2 * BS);
        try (FsLocalStore store = new FsLocalStore(dir.resolve("local"), 0);
                BlockEngine e = BlockEngine.open(store, null, SETTINGS)) {
            write(e, "p", 0, model, false);
            BlockHash first = hashOf(model, 0);
            byte[] patch = bytes(4, 3000);
            write(e, "p", 500, patch, true);
            System.arraycopy(patch, 0, model, 500, patch.length);
            assertThat(e.table().get(id("p")).blocks().get(0L)).isInstanceOf(Entry.Patched.class);
            assertThat(read(e, "p", 0, 2 * BS)).isEqualTo(model);
            // a whole-block write over a patched block replaces it (overlay bytes released)
            byte[] whole = bytes(5, BS);
            write(e, "p", BS, whole, false);
            System.arraycopy(whole, 0, model, BS, BS);
            e.checkpoint();
            assertThat(e.overlayBytes()).isZero();
            assertThat(read(e, "p", 0, 2 * BS)).isEqualTo(model);
            assertThat(store.hasBlock(first)).as("the overwritten block was collected").isFalse();
            assertThat(store.hasBlock(hashOf(model, 0))).isTrue();
            // and a whole block over a dirty (unaligned) one
            byte[] unaligned = bytes(6, BS);
            write(e, "p", 100, unaligned, false);
            System.arraycopy(unaligned, 0, model, 100, BS);
            write(e, "p", 0, Arrays.copyOf(model, BS), false);
            assertThat(e.table().get(id("p")).blocks().get(0L)).isInstanceOf(Entry.Sealed.class);
            assertThat(read(e, "p", 0, 2 * BS)).isEqualTo(model);
        }
    }

    @Test
    void blocksOfZerosAreStoredNowhere() throws Exception {
        Path root = dir.resolve("local");
        byte[] data = new byte[3 * BS];
        byte[] middle = bytes(7, BS);
        System.arraycopy(middle, 0, data, BS, BS);
        try (FsLocalStore store = new FsLocalStore(root, 0); BlockEngine e = BlockEngine.open(store, null, SETTINGS)) {
            write(e, "p", 0, data, false);
            assertThat(store.listBlocks()).containsOnlyKeys(hashOf(middle, 0));
            assertThat(e.table().get(id("p")).blocks().get(0L)).isEqualTo(Entry.ZERO);
            assertThat(read(e, "p", 0, 3 * BS)).isEqualTo(data);
            e.abandon(); // replayed from the log
        }
        try (FsLocalStore store = new FsLocalStore(root, 0); BlockEngine e = BlockEngine.open(store, null, SETTINGS)) {
            assertThat(read(e, "p", 0, 3 * BS)).isEqualTo(data);
            assertThat(e.table().get(id("p")).size()).isEqualTo(3L * BS);
        }
    }

    @Test
    void crashWithTheBlockPresentReplaysTheWrite() throws Exception {
        Path root = dir.resolve("local");
        byte[] data = bytes(8, 3 * BS);
        FsLocalStore store = new FsLocalStore(root, 0);
        BlockEngine e = BlockEngine.open(store, null, SETTINGS);
        write(e, "p", 0, data, false); // unstable: neither block nor record synced
        write(e, "p", 10, new byte[] {1, 2, 3}, false);
        data[10] = 1;
        data[11] = 2;
        data[12] = 3;
        e.abandon(); // SIGKILL keeps the page cache: both are there
        store.close();
        try (FsLocalStore again = new FsLocalStore(root, 0); BlockEngine e2 = BlockEngine.open(again, null, SETTINGS)) {
            assertThat(read(e2, "p", 0, 4 * BS)).isEqualTo(data);
            for (BlockHash h : again.listBlocks().keySet()) {
                assertThat(e2.refs().live(h)).as("no orphan left").isTrue();
            }
        }
    }

    /**
     * A power loss can keep a log page the kernel wrote back on its own while losing a block file
     * that was never synced (or leave it empty). The record was never forced — blocks are synced
     * before every force — so replay ends there: earlier, stable writes survive, nothing after.
     */
    @Test
    void crashWithTheBlockMissingOrEmptyEndsReplayBeforeIt() throws Exception {
        for (boolean empty : new boolean[] {false, true}) {
            Path root = dir.resolve("local-" + empty);
            byte[] stable = bytes(9, BS);
            byte[] lost = bytes(10, 2 * BS);
            FsLocalStore store = new FsLocalStore(root, 0);
            BlockEngine e = BlockEngine.open(store, null, SETTINGS);
            write(e, "p", 0, stable, true);
            write(e, "p", BS, lost, false);
            write(e, "q", 0, bytes(11, 100), false); // after it in the log: not replayed either
            e.abandon();
            store.close();
            Path victim = root.resolve("blocks").resolve(hashOf(lost, BS).hex().substring(0, 2)).resolve(hashOf(lost, BS).hex());
            if (empty) {
                try (FileChannel ch = FileChannel.open(victim, StandardOpenOption.WRITE)) {
                    ch.truncate(0);
                }
            } else {
                Files.delete(victim);
            }
            try (FsLocalStore again = new FsLocalStore(root, 0); BlockEngine e2 = BlockEngine.open(again, null, SETTINGS)) {
                assertThat(e2.stat(id("p")).size()).isEqualTo(BS);
                assertThat(read(e2, "p", 0, 4 * BS)).isEqualTo(stable);
                assertThat(e2.stat(id("q")).size()).isZero();
                assertThat(again.listBlocks()).as("the intact block of the cut write is collected")
                        .containsOnlyKeys(hashOf(stable, 0));
            }
            // and the start-up checkpoint made the cut final: a second start sees the same
            try (FsLocalStore again = new FsLocalStore(root, 0); BlockEngine e3 = BlockEngine.open(again, null, SETTINGS)) {
                assertThat(read(e3, "p", 0, 4 * BS)).isEqualTo(stable);
            }
        }
    }

    @Test
    void crashBeforeTheRecordReachedTheLogLeavesOnlyAnOrphan() throws Exception {
        Path root = dir.resolve("local");
        byte[] kept = bytes(12, BS);
        byte[] gone = bytes(13, BS);
        FsLocalStore store = new FsLocalStore(root, 0);
        BlockEngine e = BlockEngine.open(store, null, SETTINGS);
        write(e, "p", 0, kept, true);
        long logEnd = journalSize(store);
        write(e, "p", BS, gone, false);
        e.abandon();
        store.close();
        try (FileChannel ch = FileChannel.open(root.resolve("wal.log"), StandardOpenOption.WRITE)) {
            ch.truncate(logEnd); // the unforced record's page never reached the disk
        }
        try (FsLocalStore again = new FsLocalStore(root, 0); BlockEngine e2 = BlockEngine.open(again, null, SETTINGS)) {
            assertThat(e2.stat(id("p")).size()).isEqualTo(BS);
            assertThat(read(e2, "p", 0, 2 * BS)).isEqualTo(kept);
            assertThat(again.listBlocks()).containsOnlyKeys(hashOf(kept, 0));
        }
    }

    @Test
    void noForceCoversAWholeBlockRecordBeforeItsBlockIsSynced() throws Exception {
        RecordingStore store = new RecordingStore();
        try (BlockEngine e = BlockEngine.open(store, null, SETTINGS)) {
            store.events.clear();
            write(e, "p", 0, bytes(14, 2 * BS), true);
            assertThat(store.events).containsSubsequence("put", "put", "append", "sync-blocks", "force");
            assertOrdered(store.events);
            store.events.clear();
            write(e, "p", 2L * BS, bytes(15, BS), false);
            write(e, "p", 3L * BS, bytes(16, BS), false);
            assertThat(store.events).doesNotContain("force", "sync-blocks");
            e.commit(id("p"));
            assertOrdered(store.events);
            assertThat(store.events).endsWith("sync-blocks", "force");
        }
    }

    /** Every put is followed by a sync of the blocks before the next force. */
    private static void assertOrdered(List<String> events) {
        boolean unsynced = false;
        for (String ev : events) {
            switch (ev) {
                case "put" -> unsynced = true;
                case "sync-blocks" -> unsynced = false;
                case "force" -> assertThat(unsynced).as("a force with an unsynced block: %s", events).isFalse();
                default -> { }
            }
        }
    }

    @Test
    void theSyncerUploadsWholeBlocksAfterTheCheckpoint() throws Exception {
        MemoryRemoteStore remote = new MemoryRemoteStore();
        byte[] data = bytes(17, 3 * BS);
        try (BlockEngine e = BlockEngine.open(new MemoryLocalStore(), remote, SETTINGS)) {
            write(e, "p", 0, data, true);
            assertThat(remote.list("blocks/")).as("not before the maps are persisted").isEmpty();
            e.checkpoint();
            assertThat(e.awaitSynced(Duration.ofSeconds(30))).isTrue();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                keys.add("blocks/" + hashOf(data, i * BS).hex());
            }
            assertThat(remote.list("blocks/")).containsExactlyInAnyOrderElementsOf(keys);
            assertThat(e.stat(id("p")).fullySynced()).isTrue();
        }
    }

    /** A memory store that records the order of block puts, block syncs, appends and forces. */
    static final class RecordingStore implements LocalStore {
        final List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        private final MemoryLocalStore inner = new MemoryLocalStore();
        private final Journal journal = new Journal() {
            @Override
            public long append(ByteBuffer... parts) throws IOException {
                events.add("append");
                return inner.journal().append(parts);
            }

            @Override
            public void force() throws IOException {
                events.add("force");
                inner.journal().force();
            }

            @Override
            public long size() throws IOException {
                return inner.journal().size();
            }

            @Override
            public int read(long position, ByteBuffer dst) throws IOException {
                return inner.journal().read(position, dst);
            }

            @Override
            public void reset() throws IOException {
                inner.journal().reset();
            }

            @Override
            public void recycle() throws IOException {
                inner.journal().recycle();
            }

            @Override
            public void cut(long end) throws IOException {
                inner.journal().cut(end);
            }
        };

        @Override
        public void putBlock(BlockHash hash, ByteBuffer content) throws IOException {
            inner.putBlock(hash, content);
        }

        @Override
        public void putBlockUnsynced(BlockHash hash, ByteBuffer content) throws IOException {
            events.add("put");
            inner.putBlock(hash, content);
        }

        @Override
        public void syncUnsynced() {
            events.add("sync-blocks");
        }

        @Override
        public void syncBlocks() throws IOException {
            events.add("sync-blocks");
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
        public boolean deleteBlock(BlockHash hash) throws IOException {
            return inner.deleteBlock(hash);
        }

        @Override
        public Map<BlockHash, Long> listBlocks() throws IOException {
            return inner.listBlocks();
        }

        @Override
        public Journal journal() {
            return journal;
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
