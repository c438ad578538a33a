package io.dittofs.metadata.store.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.metadata.spi.Release;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RocksDB store counts its content-outbox entries so that a write transaction's
 * {@code pendingRelease} answers "none" without a lookup when the outbox is empty. An undercount
 * would let a WRITE grow a file past a cut the content service has not applied yet, so the count
 * must be exact: across merges, deletes of absent entries, failed transactions and restarts.
 */
class ReleaseCountTest {

    @TempDir
    Path dir;

    private static final byte[] A = {1};
    private static final byte[] B = {2};

    private static void put(RocksDbStore store, byte[] payload, long size) {
        store.write(tx -> {
            tx.putRelease(new Release(payload, size));
            return null;
        });
    }

    private static Optional<Long> pendingInWrite(RocksDbStore store, byte[] payload) {
        return store.write(tx -> tx.pendingRelease(payload));
    }

    @Test
    void theCountFollowsEveryKindOfChange() {
        Path db = dir.resolve("db");
        try (RocksDbStore store = new RocksDbStore(db, false)) {
            assertThat(store.releaseEntries()).isZero();
            assertThat(pendingInWrite(store, A)).isEmpty();
            put(store, A, 100);
            put(store, A, 50); // a merge replaces the entry
            assertThat(store.releaseEntries()).isEqualTo(1);
            assertThat(pendingInWrite(store, A)).contains(50L);
            assertThat(pendingInWrite(store, B)).isEmpty();
            store.write(tx -> {
                tx.deleteRelease(B); // absent: nothing to count down
                return null;
            });
            assertThat(store.releaseEntries()).isEqualTo(1);
            assertThat(pendingInWrite(store, A)).as("not hidden by a miscount").contains(50L);
            assertThatThrownBy(() -> store.write(tx -> {
                tx.putRelease(new Release(B, 7));
                throw new IllegalStateException("operation failed half-way");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(store.releaseEntries()).as("a failed transaction counts nothing").isEqualTo(1);
        }
        try (RocksDbStore store = new RocksDbStore(db, false)) {
            assertThat(store.releaseEntries()).as("counted again at open").isEqualTo(1);
            assertThat(pendingInWrite(store, A)).contains(50L);
            store.writeDeferred(tx -> {
                tx.deleteRelease(A); // the drain's acknowledgement
                return null;
            });
            assertThat(store.releaseEntries()).isZero();
            assertThat(pendingInWrite(store, A)).isEmpty();
        }
    }

    @Test
    void aTransactionSeesTheEntriesItAddsAndRemoves() {
        try (RocksDbStore store = new RocksDbStore(dir.resolve("db"), false)) {
            Optional<Long> seen = store.write(tx -> {
                tx.putRelease(new Release(A, 3));
                return tx.pendingRelease(A);
            });
            assertThat(seen).contains(3L);
            Optional<Long> afterDelete = store.write(tx -> {
                tx.deleteRelease(A);
                Optional<Long> gone = tx.pendingRelease(A);
                tx.putRelease(new Release(B, 4));
                assertThat(tx.pendingRelease(B)).contains(4L);
                return gone;
            });
            assertThat(afterDelete).isEmpty();
            assertThat(store.releaseEntries()).isEqualTo(1);
            assertThat(store.<Optional<Long>>read(tx -> tx.pendingRelease(B))).contains(4L);
        }
    }
}
