package io.dittofs.gateway.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.block.core.BlockEngine;
import io.dittofs.block.core.EngineSettings;
import io.dittofs.block.grpc.BlockGrpcService;
import io.dittofs.block.local.memory.MemoryLocalStore;
import io.dittofs.contracts.grpc.GrpcServerHost;
import io.dittofs.gateway.fs.model.AccessBits;
import io.dittofs.gateway.fs.model.AccessMode;
import io.dittofs.gateway.fs.model.CreateMode;
import io.dittofs.gateway.fs.model.CreateSpec;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.ReadResult;
import io.dittofs.gateway.fs.model.RemoveKind;
import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.fs.model.Stability;
import io.dittofs.gateway.identity.Principal;
import io.dittofs.metadata.core.CoreSettings;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.grpc.MetadataGrpcService;
import io.dittofs.metadata.grpc.coherence.InvalidationHub;
import io.dittofs.metadata.store.memory.MemoryStore;
import io.grpc.BindableService;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * READ's namespace half (the open check: permission, type, size, content id) answered from the
 * attribute cache, against a real metadata-service and block-service over a Unix socket with two
 * caching gateways: a repeated READ asks the metadata-service nothing, and whatever the other
 * gateway changes (size, mode, existence) the next READ honours.
 */
class ReadFromAttrCacheTest {

    private static final CoreSettings CORE = new CoreSettings(0777, 0, 0, 1L << 40, 1L << 32,
            CoreSettings.DEFAULT_MAX_READDIR);
    private static final Duration LEASE = Duration.ofSeconds(1);
    private static final Principal ROOT = Principal.root();
    private static final Principal OWNER = new Principal(1000, 1000, List.of(), false, "10.0.0.1");
    private static final Principal OTHER = new Principal(2000, 2000, List.of(), false, "10.0.0.2");

    private MemoryStore store;
    private BlockEngine engine;
    private InvalidationHub hub;
    private GrpcServerHost host;
    private String target;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    /** Calls the metadata-service received, any method (a READ hit must add none). */
    private final AtomicInteger metadataCalls = new AtomicInteger();
    private final AtomicInteger blockReads = new AtomicInteger();
    private CoherentAttrCacheTest.Gateway a;
    private CoherentAttrCacheTest.Gateway b;
    private Handle root;

    @BeforeEach
    void start() throws Exception {
        store = new MemoryStore();
        engine = BlockEngine.open(new MemoryLocalStore(), null, EngineSettings.defaults());
        hub = new InvalidationHub(LEASE);
        target = "unix:/tmp/readcache-" + UUID.randomUUID().toString().substring(0, 8) + ".sock";
        MetadataGrpcService metadata = new MetadataGrpcService(new MetadataCore(store, CORE), hub);
        BlockGrpcService block = new BlockGrpcService(engine);
        BindableService countedMetadata = () -> ServerInterceptors.intercept(metadata, counting(metadataCalls, null));
        BindableService countedBlock = () -> ServerInterceptors.intercept(block, counting(blockReads, "Read"));
        host = GrpcServerHost.start(target, List.of(countedMetadata, countedBlock));
        a = gateway();
        b = gateway();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(a.cache().live() && b.cache().live())) {
            assertThat(System.nanoTime() - until).as("waiting for both caches").isNegative();
            Thread.sleep(5);
        }
        root = a.fs().root(ROOT, "export").handle();
    }

    /** Counts calls of {@code method} (every method but the invalidation stream when null). */
    private static ServerInterceptor counting(AtomicInteger counter, String method) {
        return new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                               ServerCallHandler<Q, R> next) {
                String name = call.getMethodDescriptor().getBareMethodName();
                if (method == null ? !"WatchInvalidations".equals(name) : method.equals(name)) {
                    counter.incrementAndGet();
                }
                return next.startCall(call, headers);
            }
        };
    }

    private CoherentAttrCacheTest.Gateway gateway() {
        return CoherentAttrCacheTest.Gateway.open(target, toClose);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
        host.close();
        hub.close();
        engine.close();
        store.close();
    }

    /** A file owned by 1000:1000 with {@code mode}, holding {@code size} bytes 0, 1, 2, ... */
    private Handle file(String name, int mode, int size) {
        var r = a.fs().create(ROOT, root, name, CreateSpec.regular(CreateMode.GUARDED,
                new SetAttrs(mode, 1000, 1000, null, null, null), new byte[0]));
        assertThat(r.status()).isEqualTo(FsStatus.OK);
        assertThat(a.fs().write(ROOT, r.handle(), 0, ByteBuffer.wrap(bytes(size)), Stability.FILE_SYNC).status())
                .isEqualTo(FsStatus.OK);
        return r.handle();
    }

    private static byte[] bytes(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    private static byte[] data(ReadResult r) {
        assertThat(r.status()).isEqualTo(FsStatus.OK);
        ByteBuffer d = r.data().duplicate();
        byte[] out = new byte[d.remaining()];
        d.get(out);
        return out;
    }

    @Test
    void aSecondReadOfTheSameFileMakesOnlyTheBlockCall() {
        Handle f = file("f", 0644, 5000);
        int before = metadataCalls.get();
        assertThat(data(b.fs().read(OTHER, f, 0, 4096))).isEqualTo(bytes(4096));
        assertThat(metadataCalls.get()).as("the first READ asked the namespace").isGreaterThan(before);
        assertThat(b.count("open", "miss")).isEqualTo(1);

        int meta = metadataCalls.get();
        int reads = blockReads.get();
        ReadResult r = b.fs().read(OTHER, f, 4096, 4096);
        assertThat(data(r)).isEqualTo(Arrays.copyOfRange(bytes(5000), 4096, 5000));
        assertThat(r.eof()).isTrue();
        assertThat(r.attr().size()).isEqualTo(5000);
        assertThat(metadataCalls.get()).as("the second READ asked the namespace nothing").isEqualTo(meta);
        assertThat(blockReads.get()).isEqualTo(reads + 1);
        assertThat(b.count("open", "hit")).isEqualTo(1);
        // beyond the size: nothing, and still no namespace call
        assertThat(b.fs().read(OTHER, f, 6000, 10).data().remaining()).isZero();
        assertThat(metadataCalls.get()).isEqualTo(meta);
    }

    @Test
    void aTruncateOrAGrowthThroughTheOtherGatewayIsSeenByTheNextRead() {
        Handle f = file("f", 0644, 5000);
        assertThat(data(b.fs().read(ROOT, f, 0, 5000))).hasSize(5000);
        assertThat(data(b.fs().read(ROOT, f, 0, 5000))).hasSize(5000);
        assertThat(b.count("open", "hit")).isEqualTo(1);

        assertThat(a.fs().setAttr(ROOT, f, new SetAttrs(null, null, null, 10L, null, null), null).status())
                .isEqualTo(FsStatus.OK);
        ReadResult cut = b.fs().read(ROOT, f, 0, 5000);
        assertThat(data(cut)).isEqualTo(bytes(10));
        assertThat(cut.eof()).isTrue();

        byte[] more = new byte[100];
        Arrays.fill(more, (byte) 7);
        assertThat(a.fs().write(ROOT, f, 10, ByteBuffer.wrap(more), Stability.FILE_SYNC).status()).isEqualTo(FsStatus.OK);
        byte[] grown = data(b.fs().read(ROOT, f, 0, 5000));
        assertThat(grown).hasSize(110);
        assertThat(Arrays.copyOfRange(grown, 10, 110)).isEqualTo(more);
    }

    @Test
    void aChmodThroughTheOtherGatewayRefusesTheNextRead() {
        Handle f = file("f", 0644, 100);
        assertThat(b.fs().read(OTHER, f, 0, 100).status()).isEqualTo(FsStatus.OK);
        assertThat(b.fs().read(OTHER, f, 0, 100).status()).isEqualTo(FsStatus.OK);
        assertThat(b.count("open", "hit")).isEqualTo(1);

        assertThat(a.fs().setAttr(ROOT, f, new SetAttrs(0600, null, null, null, null, null), null).status())
                .isEqualTo(FsStatus.OK);
        assertThat(b.fs().read(OTHER, f, 0, 100).status()).isEqualTo(FsStatus.ACCESS);
        // the owner still reads, and the other caller's grant was not kept for anyone else
        assertThat(data(b.fs().read(OWNER, f, 0, 100))).hasSize(100);
        assertThat(b.fs().read(OTHER, f, 0, 100).status()).isEqualTo(FsStatus.ACCESS);
    }

    @Test
    void aCallerWithoutReadPermissionIsRefusedFromTheCacheToo() {
        Handle f = file("f", 0600, 100);
        // the owner's grant is cached; another caller is not let in by it
        assertThat(b.fs().read(OWNER, f, 0, 100).status()).isEqualTo(FsStatus.OK);
        assertThat(b.fs().read(OWNER, f, 0, 100).status()).isEqualTo(FsStatus.OK);
        assertThat(b.fs().read(OTHER, f, 0, 100).status()).isEqualTo(FsStatus.ACCESS);
        // an open's refusal is kept: the next READ is refused without asking
        assertThat(b.fs().open(OTHER, f, AccessMode.READ).status()).isEqualTo(FsStatus.ACCESS);
        int meta = metadataCalls.get();
        int reads = blockReads.get();
        assertThat(b.fs().read(OTHER, f, 0, 100).status()).isEqualTo(FsStatus.ACCESS);
        assertThat(b.fs().open(OTHER, f, AccessMode.READ).status()).isEqualTo(FsStatus.ACCESS);
        assertThat(metadataCalls.get()).isEqualTo(meta);
        assertThat(blockReads.get()).as("no content read for a refused caller").isEqualTo(reads);
    }

    @Test
    void theOwnerReadsWithoutReadBitsButAnAccessRefusalIsNoProofOfIt() {
        Handle f = file("f", 0200, 100);
        // ACCESS says the owner may not read; the open check lets the owner read (RFC 1813 §4.4)
        assertThat(b.fs().access(OWNER, f, AccessBits.READ).granted()).isZero();
        assertThat(data(b.fs().read(OWNER, f, 0, 100))).hasSize(100);
        assertThat(data(b.fs().read(OWNER, f, 0, 100))).hasSize(100);
    }

    @Test
    void anAccessResultThatGrantsReadServesTheFirstRead() {
        Handle f = file("f", 0644, 100);
        assertThat(b.fs().access(OTHER, f, AccessBits.READ | AccessBits.MODIFY).granted()).isEqualTo(AccessBits.READ);
        int meta = metadataCalls.get();
        assertThat(data(b.fs().read(OTHER, f, 0, 100))).isEqualTo(bytes(100));
        assertThat(metadataCalls.get()).isEqualTo(meta);
        // but not an open for writing, which ACCESS refused
        assertThat(b.fs().open(OTHER, f, AccessMode.WRITE).status()).isEqualTo(FsStatus.ACCESS);
        assertThat(metadataCalls.get()).isEqualTo(meta + 1);
    }

    @Test
    void aFileRemovedThroughTheOtherGatewayIsNotReadFromTheCache() {
        Handle f = file("f", 0644, 100);
        assertThat(b.fs().read(ROOT, f, 0, 100).status()).isEqualTo(FsStatus.OK);
        assertThat(b.fs().read(ROOT, f, 0, 100).status()).isEqualTo(FsStatus.OK);
        assertThat(a.fs().remove(ROOT, root, "f", RemoveKind.NON_DIRECTORY).status()).isEqualTo(FsStatus.OK);
        assertThat(b.fs().read(ROOT, f, 0, 100).status()).isIn(FsStatus.STALE, FsStatus.NOENT);
        assertThat(b.fs().open(ROOT, f, AccessMode.READ).status()).isIn(FsStatus.STALE, FsStatus.NOENT);
    }

    @Test
    void ownWritesAreReadBackThroughTheCache() {
        Handle f = file("f", 0644, 10);
        assertThat(data(b.fs().read(ROOT, f, 0, 100))).hasSize(10);
        byte[] more = new byte[50];
        Arrays.fill(more, (byte) 3);
        assertThat(b.fs().write(ROOT, f, 10, ByteBuffer.wrap(more), Stability.UNSTABLE).status()).isEqualTo(FsStatus.OK);
        // the write's post-op attributes are kept; its invalidation took the READ grant with it
        byte[] all = data(b.fs().read(ROOT, f, 0, 100));
        assertThat(all).hasSize(60);
        assertThat(Arrays.copyOfRange(all, 10, 60)).isEqualTo(more);
        int meta = metadataCalls.get();
        assertThat(data(b.fs().read(ROOT, f, 0, 100))).isEqualTo(all);
        assertThat(metadataCalls.get()).isEqualTo(meta);
    }

    /**
     * On the event loop a hit still needs the block-service, whose socket refuses there: the READ
     * is handed off (WouldBlock) having asked the namespace nothing, and the cache stays on.
     */
    @Test
    void aHitOnTheEventLoopRefusesOnlyAtTheBlockCall() {
        Handle f = file("f", 0644, 100);
        assertThat(b.fs().read(ROOT, f, 0, 100).status()).isEqualTo(FsStatus.OK);
        int meta = metadataCalls.get();
        try (io.dittofs.contracts.grpc.NonBlocking.Scope scope = io.dittofs.contracts.grpc.NonBlocking.enter()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.fs().read(ROOT, f, 0, 100))
                    .isInstanceOf(io.dittofs.contracts.grpc.NonBlocking.WouldBlock.class);
            assertThat(scope.blocked()).isTrue();
        }
        assertThat(metadataCalls.get()).isEqualTo(meta);
        assertThat(b.cache().live()).isTrue();
        assertThat(data(b.fs().read(ROOT, f, 0, 100))).isEqualTo(bytes(100));
        assertThat(metadataCalls.get()).isEqualTo(meta);
    }
}
