package io.dittofs.metadata.store.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import io.dittofs.metadata.core.content.ReleaseDrain;
import io.dittofs.metadata.spi.Release;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asynchronous namespace commits (knfsd's {@code async}): a namespace change is in the OS (a
 * process death keeps it) when it returns, is synced by the timer, and every durable write or
 * sync covers it; without the setting a namespace change is durable before it returns.
 */
class AsyncNamespaceTest {

    @TempDir
    Path dir;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes of the store's write-ahead log files as the OS has them (written, synced or not). */
    private static long walBytes(Path db) throws IOException {
        try (Stream<Path> files = Files.list(db)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log")).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Test
    void aNamespaceChangeIsInTheOsWhenItReturnsAndSyncedOnDemand() throws Exception {
        Path db = dir.resolve("db");
        // a delay far beyond the test: only an explicit sync may sync
        try (RocksDbStore store = new RocksDbStore(db, true, Duration.ofSeconds(10))) {
            long syncs = store.walSyncs();
            long wal = walBytes(db);
            store.writeNamespace(tx -> {
                tx.putMeta("name", b("created"));
                return null;
            });
            assertThat(walBytes(db)).as("handed to the OS before the reply").isGreaterThan(wal);
            assertThat(store.walSyncs()).as("not synced before the reply").isEqualTo(syncs);
            assertThat(store.<Boolean>read(tx -> tx.meta("name").isPresent())).isTrue();
            store.syncNamespace();
            assertThat(store.walSyncs()).isEqualTo(syncs + 1);
            // a durable write (FILE_SYNC, COMMIT) is still synced before it returns
            store.write(tx -> {
                tx.putMeta("stable", b("x"));
                return null;
            });
            assertThat(store.walSyncs()).isEqualTo(syncs + 2);
        }
    }

    @Test
    void theTimerSyncsAcknowledgedChangesWithoutAnyFurtherCall() throws Exception {
        try (RocksDbStore store = new RocksDbStore(dir.resolve("db"), true, Duration.ofMillis(20))) {
            long syncs = store.walSyncs();
            for (int i = 0; i < 50; i++) {
                String k = "k" + i;
                store.writeNamespace(tx -> {
                    tx.putMeta(k, b(k));
                    return null;
                });
            }
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (store.walSyncs() == syncs && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(store.walSyncs()).as("the timer synced the acknowledged changes").isGreaterThan(syncs);
        }
    }

    @Test
    void withoutTheSettingANamespaceChangeIsDurableBeforeItReturns() {
        try (RocksDbStore store = new RocksDbStore(dir.resolve("db"), true)) {
            long syncs = store.walSyncs();
            store.writeNamespace(tx -> {
                tx.putMeta("name", b("created"));
                return null;
            });
            assertThat(store.walSyncs()).isEqualTo(syncs + 1);
            store.syncNamespace();
            assertThat(store.walSyncs()).as("nothing left to sync").isEqualTo(syncs + 1);
        }
    }

    @Test
    void aDelayMustBePositive() {
        assertThatThrownBy(() -> new RocksDbStore(dir.resolve("db"), true, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void changesSurviveAReopen() {
        Path db = dir.resolve("db");
        try (RocksDbStore store = new RocksDbStore(db, true, Duration.ofSeconds(10))) {
            store.writeNamespace(tx -> {
                tx.putMeta("kept", b("yes"));
                return null;
            });
        }
        try (RocksDbStore store = new RocksDbStore(db, true)) {
            assertThat(store.<Boolean>read(tx -> tx.meta("kept").isPresent())).isTrue();
        }
    }

    @Test
    void releasedContentIsAppliedOnlyAfterTheRemoveThatReleasedItIsSynced() {
        try (RocksDbStore store = new RocksDbStore(dir.resolve("db"), true, Duration.ofSeconds(10))) {
            byte[] payload = {4, 2};
            // a REMOVE's transaction: the name goes and the outbox entry comes, answered unsynced
            store.writeNamespace(tx -> {
                tx.putRelease(new Release(payload, Release.DELETE));
                return null;
            });
            long unsynced = store.walSyncs();
            List<Long> syncsWhenApplied = new ArrayList<>();
            ReleaseDrain drain = new ReleaseDrain(store, r -> syncsWhenApplied.add(store.walSyncs()), Duration.ofSeconds(10));
            drain.kick(payload);
            assertThat(drain.drainNamed()).isEqualTo(1);
            assertThat(syncsWhenApplied).hasSize(1);
            assertThat(syncsWhenApplied.get(0)).as("synced before the content was released").isGreaterThan(unsynced);
        }
    }
}
