package io.dittofs.metadata.storetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.grpc.NonBlocking;
import io.dittofs.contracts.metadata.v1.GetAttrRequest;
import io.dittofs.contracts.metadata.v1.LookupRequest;
import io.dittofs.metadata.core.CoreSettings;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.core.ops.GetAttrOp;
import io.dittofs.metadata.core.ops.LookupOp;
import io.dittofs.metadata.core.ops.RecordWriteOp;
import io.dittofs.contracts.metadata.v1.RecordWriteRequest;
import io.dittofs.metadata.grpc.MetadataGrpcService;
import io.dittofs.metadata.spi.Inode;
import io.dittofs.metadata.spi.MetadataStore;
import io.dittofs.metadata.spi.StoreTx;
import io.dittofs.metadata.store.memory.MemoryStore;
import io.dittofs.metadata.store.postgres.PostgresStore;
import io.dittofs.metadata.store.rocksdb.RocksDbStore;
import io.dittofs.contracts.metadata.v1.MetadataServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stores under {@link NonBlocking}: they answer what they hold in memory, and throw
 * {@link NonBlocking.WouldBlock} (marking the scope) where they would wait: a RocksDB read that
 * needs the disk, a memory store whose lock a writer holds, every PostgreSQL call, every write
 * but an UNSTABLE WRITE's inode update.
 */
class NonBlockingStoresTest {

    @TempDir
    Path dir;

    private final java.util.List<AutoCloseable> open = new java.util.ArrayList<>();

    /** The real service over a store, for creating files the ordinary way. */
    private final class Served implements AutoCloseable {
        final MetadataStore store;
        final MetadataCore core;
        final Fs fs;
        final FileHandle root;
        private final Server server;
        private final ManagedChannel channel;

        Served(MetadataStore store) throws Exception {
            this.store = store;
            core = new MetadataCore(store, CoreSettings.defaults());
            String name = "nonblocking-" + UUID.randomUUID();
            server = InProcessServerBuilder.forName(name).directExecutor().addService(new MetadataGrpcService(core))
                    .build().start();
            channel = InProcessChannelBuilder.forName(name).directExecutor().build();
            fs = new Fs(MetadataServiceGrpc.newBlockingStub(channel));
            root = fs.root("export").getHandle();
            open.add(this);
        }

        /** The inode behind a handle, read as GETATTR reads it. */
        Inode inode(FileHandle h) {
            return store.read(tx -> core.resolve(tx, core.ref(h)));
        }

        @Override
        public void close() {
            channel.shutdownNow();
            server.shutdownNow();
            core.close();
            store.close();
        }
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    /** Runs {@code work} under the mode; returns the scope's verdict with the result or the signal. */
    private static <T> Attempt<T> nonBlocking(Supplier<T> work) {
        try (NonBlocking.Scope scope = NonBlocking.enter()) {
            try {
                return new Attempt<>(work.get(), null, scope.blocked());
            } catch (NonBlocking.WouldBlock e) {
                return new Attempt<>(null, e, scope.blocked());
            }
        }
    }

    private record Attempt<T>(T value, NonBlocking.WouldBlock signal, boolean scopeBlocked) {
    }

    /** A transaction held open on another thread (with the store's lock) until the result is closed. */
    private static AutoCloseable holding(java.util.function.Consumer<java.util.function.Function<StoreTx, Object>> open)
            throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> open.accept(tx -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        inside.await();
        return () -> {
            release.countDown();
            holder.join();
        };
    }

    @Test
    void memoryStoreAnswersUnlessAWriterHoldsItsLock() throws Exception {
        Served s = new Served(new MemoryStore());
        FileHandle f = s.fs.mustFile(Ids.ROOT, s.root, "f");
        Inode expected = s.inode(f);

        Attempt<Inode> free = nonBlocking(() -> s.inode(f));
        assertThat(free.signal()).isNull();
        assertThat(free.scopeBlocked()).isFalse();
        assertThat(free.value()).isEqualTo(expected);

        // a writer inside its transaction holds the write lock until released
        try (AutoCloseable writer = holding(work -> s.store.write(work))) {
            Attempt<Inode> held = nonBlocking(() -> s.inode(f));
            assertThat(held.signal()).isNotNull();
            assertThat(held.scopeBlocked()).isTrue();
        }
        assertThat(nonBlocking(() -> s.inode(f)).value()).isEqualTo(expected);
    }

    @Test
    void writesNeverRunUnderTheMode() throws Exception {
        for (MetadataStore store : new MetadataStore[] {new MemoryStore(), new RocksDbStore(dir.resolve("w"), false)}) {
            Served s = new Served(store);
            Attempt<Object> w = nonBlocking(() -> s.store.write(tx -> tx.allocateId()));
            assertThat(w.signal()).as(store.kind()).isNotNull();
            assertThat(w.scopeBlocked()).isTrue();
            if (store instanceof RocksDbStore) {
                // waits for an fsync of the WAL (the memory store has nothing to sync)
                Attempt<Object> sync = nonBlocking(() -> {
                    s.store.sync();
                    return null;
                });
                assertThat(sync.signal()).as("rocksdb sync").isNotNull();
            }
            // the service's create (a write) is refused the same way, not answered with an error
            Attempt<Object> create = nonBlocking(() -> {
                try {
                    return s.fs.file(Ids.ROOT, s.root, "x");
                } catch (io.grpc.StatusRuntimeException e) {
                    return e.getStatus();
                }
            });
            assertThat(create.scopeBlocked()).as(store.kind() + " create").isTrue();
            assertThat(s.fs.lookup(Ids.ROOT, s.root, "x").getStatus()).isEqualTo(Status.NOENT);
        }
    }

    /**
     * The metadata half of an UNSTABLE WRITE (an inode update the store keeps in memory until the
     * next sync) runs under the mode; a stable one waits for the disk and is refused, changing nothing.
     */
    @Test
    void anUnstableRecordWriteRunsUnderTheModeAStableOneDoesNot() throws Exception {
        for (MetadataStore store : new MetadataStore[] {new MemoryStore(), new RocksDbStore(dir.resolve("rw"), false)}) {
            Served s = new Served(store);
            FileHandle f = s.fs.mustFile(Ids.ROOT, s.root, "f");
            RecordWriteOp op = new RecordWriteOp(s.core);
            var unstable = nonBlocking(() -> op.run(RecordWriteRequest.newBuilder().setIdentity(Ids.ROOT).setHandle(f)
                    .setOffset(100).setLength(4096).setUnstable(true).build()));
            assertThat(unstable.signal()).as(store.kind()).isNull();
            assertThat(unstable.scopeBlocked()).isFalse();
            assertThat(unstable.value().getStatus()).isEqualTo(Status.OK);
            assertThat(s.inode(f).size()).as(store.kind() + ": the new size is seen").isEqualTo(4196);

            var stable = nonBlocking(() -> op.run(RecordWriteRequest.newBuilder().setIdentity(Ids.ROOT).setHandle(f)
                    .setOffset(10_000).setLength(10).build()));
            assertThat(stable.signal()).as(store.kind() + " stable").isNotNull();
            assertThat(stable.scopeBlocked()).isTrue();
            assertThat(s.inode(f).size()).as(store.kind() + ": nothing changed").isEqualTo(4196);
        }
    }

    @Test
    void anUnstableRecordWriteSignalsWhileTheMemoryStoreIsHeld() throws Exception {
        Served s = new Served(new MemoryStore());
        FileHandle f = s.fs.mustFile(Ids.ROOT, s.root, "f");
        try (AutoCloseable reader = holding(work -> s.store.read(work))) {
            var held = nonBlocking(() -> new RecordWriteOp(s.core).run(RecordWriteRequest.newBuilder()
                    .setIdentity(Ids.ROOT).setHandle(f).setOffset(0).setLength(10).setUnstable(true).build()));
            assertThat(held.signal()).isNotNull();
            assertThat(held.scopeBlocked()).isTrue();
        }
        assertThat(s.inode(f).size()).isZero();
    }

    @Test
    void rocksDbAnswersFromMemtableAndCacheAndSignalsWhenItNeedsTheDisk() throws Exception {
        Path db = dir.resolve("db");
        FileHandle f;
        FileHandle root;
        Inode expected;
        try (Served first = new Served(new RocksDbStore(db, false))) {
            open.remove(first);
            root = first.root;
            // enough inodes on both sides of f that its table block holds neither the root nor the
            // keys next to the inodes (the store reads its meta values at every open)
            for (int i = 0; i < 300; i++) {
                first.fs.mustFile(Ids.ROOT, root, "pad-" + i);
            }
            f = first.fs.mustFile(Ids.ROOT, root, "f");
            for (int i = 300; i < 600; i++) {
                first.fs.mustFile(Ids.ROOT, root, "pad-" + i);
            }
            expected = first.inode(f);
            // just written: in the memtable
            Attempt<Inode> memtable = nonBlocking(() -> first.inode(f));
            assertThat(memtable.signal()).isNull();
            assertThat(memtable.value()).isEqualTo(expected);
        }
        // everything into a table file, nothing left in the WAL: reopened, the store must read it
        // from disk, and its block cache is cold
        try (org.rocksdb.Options o = new org.rocksdb.Options();
             org.rocksdb.RocksDB raw = org.rocksdb.RocksDB.open(o, db.toString());
             org.rocksdb.FlushOptions flush = new org.rocksdb.FlushOptions().setWaitForFlush(true)) {
            raw.flush(flush);
        }
        Served s = new Served(new RocksDbStore(db, false));
        Attempt<Inode> cold = nonBlocking(() -> s.inode(f));
        assertThat(cold.signal()).as("cold block cache").isNotNull();
        assertThat(cold.scopeBlocked()).isTrue();

        // the same operation through the service is refused the same way, not answered STALE or DELAY
        GetAttrOp getAttr = new GetAttrOp(s.core);
        assertThat(nonBlocking(() -> getAttr.run(GetAttrRequest.newBuilder().setIdentity(Ids.ROOT).setHandle(f)
                .build())).signal()).isNotNull();

        // an ordinary read brings the blocks into the cache; then the mode answers, identically
        assertThat(s.inode(f)).isEqualTo(expected);
        Attempt<Inode> warm = nonBlocking(() -> s.inode(f));
        assertThat(warm.signal()).isNull();
        assertThat(warm.value()).isEqualTo(expected);
        var normal = new LookupOp(s.core).run(LookupRequest.newBuilder().setIdentity(Ids.ROOT).setDir(root).setName("f").build());
        var inline = nonBlocking(() -> new LookupOp(s.core)
                .run(LookupRequest.newBuilder().setIdentity(Ids.ROOT).setDir(root).setName("f").build()));
        assertThat(inline.signal()).isNull();
        assertThat(inline.value()).isEqualTo(normal);
        assertThat(normal.getStatus()).isEqualTo(Status.OK);
    }

    @Test
    void postgresNeverAnswersUnderTheMode() throws Exception {
        String schema = "nb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        try {
            Served s = new Served(PostgresStore.open(PostgresStoreTest.URL, PostgresStoreTest.USER, "", schema, 2));
            FileHandle f = s.fs.mustFile(Ids.ROOT, s.root, "f");
            Attempt<Inode> read = nonBlocking(() -> s.inode(f));
            assertThat(read.signal()).isNotNull();
            assertThat(read.scopeBlocked()).isTrue();
            var write = nonBlocking(() -> new RecordWriteOp(s.core).run(RecordWriteRequest.newBuilder()
                    .setIdentity(Ids.ROOT).setHandle(f).setOffset(0).setLength(10).setUnstable(true).build()));
            assertThat(write.signal()).as("an UNSTABLE RecordWrite too").isNotNull();
            assertThat(s.inode(f).id()).isPositive();
        } finally {
            closeAll();
            open.clear();
            try (Connection c = DriverManager.getConnection(PostgresStoreTest.URL, PostgresStoreTest.USER, "");
                 Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
