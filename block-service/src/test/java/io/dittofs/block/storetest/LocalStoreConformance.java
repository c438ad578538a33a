package io.dittofs.block.storetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.block.core.cas.BlockHash;
import io.dittofs.block.local.Journal;
import io.dittofs.block.local.LocalStore;
import io.dittofs.block.local.NoSpaceException;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every LocalStore must do; one subclass per backend. */
public abstract class LocalStoreConformance {

    protected LocalStore store;

    /** A fresh, empty store; quotaBytes 0 = unlimited. */
    protected abstract LocalStore open(long quotaBytes) throws Exception;

    @BeforeEach
    void setUp() throws Exception {
        store = open(0);
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
    }

    static byte[] bytes(long seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void blocksAreStoredByHashReadWholeOrInPartsAndDeleted() throws Exception {
        byte[] a = bytes(1, 300_000);
        BlockHash h = BlockHash.of(a, 0, a.length);
        assertThat(store.hasBlock(h)).isFalse();
        assertThat(store.readBlock(h)).isNull();
        assertThat(store.readBlock(h, 0, ByteBuffer.allocate(10))).isEqualTo(-1);
        store.putBlock(h, ByteBuffer.wrap(a));
        store.putBlock(h, ByteBuffer.wrap(a)); // idempotent
        store.syncBlocks();
        assertThat(store.hasBlock(h)).isTrue();
        ByteBuffer whole = store.readBlock(h);
        byte[] got = new byte[whole.remaining()];
        whole.get(got);
        assertThat(got).isEqualTo(a);
        ByteBuffer part = ByteBuffer.allocate(1000);
        assertThat(store.readBlock(h, 299_500, part)).isEqualTo(500);
        assertThat(java.util.Arrays.copyOf(part.array(), 500)).isEqualTo(java.util.Arrays.copyOfRange(a, 299_500, 300_000));
        assertThat(store.listBlocks()).containsEntry(h, 300_000L).hasSize(1);
        assertThat(store.usedBytes()).isGreaterThanOrEqualTo(300_000);
        assertThat(store.deleteBlock(h)).isTrue();
        assertThat(store.deleteBlock(h)).isFalse();
        assertThat(store.hasBlock(h)).isFalse();
        assertThat(store.listBlocks()).isEmpty();
    }

    /** Blocks put without sync read like any other; a sync copes with blocks deleted or put again meanwhile. */
    @Test
    void unsyncedBlocksReadBackAndSyncAfterDeletesAndRepeats() throws Exception {
        byte[] a = bytes(3, 70_000);
        byte[] b = bytes(4, 70_000);
        BlockHash ha = BlockHash.of(a, 0, a.length);
        BlockHash hb = BlockHash.of(b, 0, b.length);
        store.putBlockUnsynced(ha, ByteBuffer.wrap(a));
        store.putBlockUnsynced(ha, ByteBuffer.wrap(a)); // idempotent
        store.putBlockUnsynced(hb, ByteBuffer.wrap(b));
        assertThat(store.listBlocks()).containsOnlyKeys(ha, hb);
        ByteBuffer got = ByteBuffer.allocate(a.length);
        assertThat(store.readBlock(ha, 0, got)).isEqualTo(a.length);
        assertThat(got.array()).isEqualTo(a);
        assertThat(store.deleteBlock(hb)).isTrue(); // collected before any sync
        store.syncUnsynced();
        store.syncUnsynced(); // nothing left: no work, no failure
        store.putBlockUnsynced(hb, ByteBuffer.wrap(b)); // stored anew after its deletion
        store.syncBlocks();
        assertThat(store.readBlock(hb)).isEqualTo(ByteBuffer.wrap(b));
        assertThat(store.usedBytes()).isGreaterThanOrEqualTo(140_000);
    }

    /** A lent view (where the store lends) shows the block's bytes and keeps them after the block is deleted. */
    @Test
    void viewsShowTheBlockAndOutliveItsDeletion() throws Exception {
        byte[] a = bytes(2, 200_000);
        BlockHash h = BlockHash.of(a, 0, a.length);
        assertThat(store.view(h, 0, 10)).isNull();
        store.putBlock(h, ByteBuffer.wrap(a));
        ByteBuffer v = store.view(h, 1_000, 4_096);
        if (v == null) {
            return; // this store copies only: nothing more to hold it to
        }
        assertThat(v.isReadOnly()).isTrue();
        assertThat(v.remaining()).isEqualTo(4_096);
        assertThat(copy(v)).isEqualTo(java.util.Arrays.copyOfRange(a, 1_000, 5_096));
        assertThat(store.view(h, 199_999, 2)).as("past the block's end").isNull();
        assertThat(copy(store.view(h, 196_000, 4_000))).isEqualTo(java.util.Arrays.copyOfRange(a, 196_000, 200_000));
        assertThat(store.deleteBlock(h)).isTrue();
        assertThat(copy(v)).as("bytes lent before the delete").isEqualTo(java.util.Arrays.copyOfRange(a, 1_000, 5_096));
        assertThat(store.view(h, 0, 10)).isNull();
    }

    private static byte[] copy(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    @Test
    void journalAppendsInOrderReadsBackAndResets() throws Exception {
        Journal j = store.journal();
        long start = j.size();
        byte[] a = bytes(2, 5000);
        byte[] b = bytes(3, 70_000);
        long p1 = j.append(ByteBuffer.wrap(a, 0, 100), ByteBuffer.wrap(a, 100, 4900));
        long p2 = j.append(ByteBuffer.wrap(b));
        j.force();
        assertThat(p1).isEqualTo(start);
        assertThat(p2).isEqualTo(start + 5000);
        assertThat(j.size()).isEqualTo(start + 75_000);
        ByteBuffer all = ByteBuffer.allocate(75_000);
        long pos = start;
        while (all.hasRemaining()) {
            int n = j.read(pos, all);
            assertThat(n).isPositive();
            pos += n;
        }
        assertThat(java.util.Arrays.copyOf(all.array(), 5000)).isEqualTo(a);
        assertThat(java.util.Arrays.copyOfRange(all.array(), 5000, 75_000)).isEqualTo(b);
        assertThat(j.read(start + 75_000, ByteBuffer.allocate(1))).isEqualTo(-1);
        j.reset();
        assertThat(j.size()).isZero();
        assertThat(j.append(ByteBuffer.wrap(a))).isZero();
    }

    @Test
    void checkpointIsReplacedWhole() throws Exception {
        assertThat(store.readCheckpoint()).isNull();
        store.writeCheckpoint(ByteBuffer.wrap(bytes(4, 1000)));
        store.writeCheckpoint(ByteBuffer.wrap(bytes(5, 10)));
        ByteBuffer cp = store.readCheckpoint();
        byte[] got = new byte[cp.remaining()];
        cp.get(got);
        assertThat(got).isEqualTo(bytes(5, 10));
    }

    @Test
    void quotaRefusesWithNoSpaceAndStoresNothing() throws Exception {
        try (LocalStore small = open(100_000)) {
            byte[] a = bytes(6, 60_000);
            BlockHash h = BlockHash.of(a, 0, a.length);
            small.putBlock(h, ByteBuffer.wrap(a));
            byte[] b = bytes(7, 60_000);
            BlockHash h2 = BlockHash.of(b, 0, b.length);
            assertThatThrownBy(() -> small.putBlock(h2, ByteBuffer.wrap(b))).isInstanceOf(NoSpaceException.class);
            assertThat(small.hasBlock(h2)).isFalse();
            long size = small.journal().size();
            assertThatThrownBy(() -> small.journal().append(ByteBuffer.wrap(b))).isInstanceOf(NoSpaceException.class);
            assertThat(small.journal().size()).isEqualTo(size);
            small.deleteBlock(h);
            small.putBlock(h2, ByteBuffer.wrap(b)); // room again after the delete
            assertThat(small.hasBlock(h2)).isTrue();
        }
    }
}
