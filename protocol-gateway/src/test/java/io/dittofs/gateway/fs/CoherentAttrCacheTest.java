package io.dittofs.gateway.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.block.core.BlockEngine;
import io.dittofs.block.core.EngineSettings;
import io.dittofs.block.grpc.BlockGrpcService;
import io.dittofs.block.local.memory.MemoryLocalStore;
import io.dittofs.contracts.grpc.GrpcServerHost;
import io.dittofs.contracts.grpc.NonBlocking;
import io.dittofs.contracts.grpc.ServiceChannels;
import io.dittofs.contracts.metadata.v1.MetadataServiceGrpc;
import io.dittofs.contracts.metadata.v1.Subscribe;
import io.dittofs.contracts.metadata.v1.WatchEvent;
import io.dittofs.contracts.metadata.v1.WatchRequest;
import io.dittofs.gateway.fs.grpc.CoherentMetadata;
import io.dittofs.gateway.fs.grpc.GrpcFileSystem;
import io.dittofs.gateway.fs.model.AccessBits;
import io.dittofs.gateway.fs.model.CreateMode;
import io.dittofs.gateway.fs.model.CreateSpec;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.RemoveKind;
import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.fs.model.Stability;
import io.dittofs.gateway.identity.Principal;
import io.dittofs.metadata.core.CoreSettings;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.grpc.MetadataGrpcService;
import io.dittofs.metadata.grpc.coherence.InvalidationHub;
import io.dittofs.metadata.store.memory.MemoryStore;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two gateways, each with its own {@link AttrCache}, in front of one real metadata-service (memory
 * store) over a Unix socket, as when the services run in their own processes: what one gateway
 * changes, the other sees on its very next call, with no waiting in between.
 */
class CoherentAttrCacheTest {

    private static final CoreSettings CORE = new CoreSettings(0777, 0, 0, 1L << 40, 1L << 32,
            CoreSettings.DEFAULT_MAX_READDIR);
    private static final Duration LEASE = Duration.ofSeconds(1); // long enough that a loaded CI machine renews in time
    private static final Principal ROOT = Principal.root();

    private MemoryStore store;
    private BlockEngine engine;
    private InvalidationHub hub;
    private GrpcServerHost host;
    private String target;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    /** GetAttr calls the metadata-service received (a hit must add none). */
    private final java.util.concurrent.atomic.AtomicInteger getAttrCalls = new java.util.concurrent.atomic.AtomicInteger();
    private Gateway a;
    private Gateway b;
    private Handle root;

    /** One gateway: its own channel, cache and invalidation stream. */
    record Gateway(ManagedChannel channel, CoherentMetadata coherence, FileSystem fs, SimpleMeterRegistry meters) {
        /** A caching gateway on its own channel to {@code target}; what it opens goes into {@code toClose}. */
        static Gateway open(String target, java.util.List<AutoCloseable> toClose) {
            ManagedChannel ch = ServiceChannels.open(target);
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            CoherentMetadata c = new CoherentMetadata(ch, new AttrCache(1000, meters)).start();
            toClose.add(c);
            toClose.add(ch::shutdownNow);
            return new Gateway(ch, c, new CachingFileSystem(new GrpcFileSystem(c.channel(), ch), c.cache()), meters);
        }

        AttrCache cache() {
            return coherence.cache();
        }

        double count(String op, String result) {
            var c = meters.find("dittofs.gateway.attr-cache").tag("op", op).tag("result", result).counter();
            return c == null ? 0 : c.count();
        }
    }

    @BeforeEach
    void start() throws Exception {
        store = new MemoryStore();
        engine = BlockEngine.open(new MemoryLocalStore(), null, EngineSettings.defaults());
        hub = new InvalidationHub(LEASE);
        target = "unix:/tmp/attrcache-" + UUID.randomUUID().toString().substring(0, 8) + ".sock";
        MetadataGrpcService metadata = new MetadataGrpcService(new MetadataCore(store, CORE), hub);
        io.grpc.BindableService counted = () -> io.grpc.ServerInterceptors.intercept(metadata, new io.grpc.ServerInterceptor() {
            @Override
            public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(io.grpc.ServerCall<Q, R> call, io.grpc.Metadata headers,
                                                                       io.grpc.ServerCallHandler<Q, R> next) {
                if ("GetAttr".equals(call.getMethodDescriptor().getBareMethodName())) {
                    getAttrCalls.incrementAndGet();
                }
                return next.startCall(call, headers);
            }
        });
        host = GrpcServerHost.start(target, List.of(counted,
                new BlockGrpcService(engine)));
        a = gateway();
        b = gateway();
        awaitTrue(() -> a.cache().live() && b.cache().live(), "both caches live");
        root = a.fs().root(ROOT, "export").handle();
    }

    private Gateway gateway() {
        return Gateway.open(target, toClose);
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

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - until).as("waiting for " + what).isNegative();
            Thread.sleep(5);
        }
    }

    private Handle create(FileSystem fs, String name) {
        var r = fs.create(ROOT, root, name, CreateSpec.regular(CreateMode.GUARDED,
                new SetAttrs(0644, 1000, 1000, null, null, null), new byte[0]));
        assertThat(r.status()).isEqualTo(FsStatus.OK);
        return r.handle();
    }

    @Test
    void secondReadIsAHitAndMakesNoServiceCall() throws Exception {
        Handle f = create(a.fs(), "f");
        assertThat(b.fs().getAttr(ROOT, f).status()).isEqualTo(FsStatus.OK);
        assertThat(b.count("getattr", "miss")).isEqualTo(1);
        int calls = getAttrCalls.get();
        assertThat(calls).as("the miss asked the metadata-service").isPositive();
        assertThat(b.fs().getAttr(ROOT, f).attr().mode() & 07777).isEqualTo(0644);
        assertThat(b.count("getattr", "hit")).isEqualTo(1);
        assertThat(getAttrCalls.get()).as("the hit did not").isEqualTo(calls);
    }

    @Test
    void changesThroughOneGatewayAreSeenAtOnceThroughTheOther() {
        Handle f = create(a.fs(), "f");
        // B caches the file's attributes, its name, an access result and a missing name
        assertThat(b.fs().getAttr(ROOT, f).attr().mode() & 07777).isEqualTo(0644);
        assertThat(b.fs().lookup(ROOT, root, "f").handle()).isEqualTo(f);
        assertThat(b.fs().lookup(ROOT, root, "g").status()).isEqualTo(FsStatus.NOENT);
        Principal other = new Principal(2000, 2000, List.of(), false, "10.0.0.2");
        assertThat(b.fs().access(other, f, AccessBits.READ | AccessBits.MODIFY).granted()).isEqualTo(AccessBits.READ);
        assertThat(b.fs().getAttr(ROOT, f).status()).isEqualTo(FsStatus.OK);
        assertThat(b.count("getattr", "hit")).isEqualTo(1);

        assertThat(a.fs().setAttr(ROOT, f, new SetAttrs(0666, null, null, null, null, null), null).status())
                .isEqualTo(FsStatus.OK);
        assertThat(b.fs().getAttr(ROOT, f).attr().mode() & 07777).isEqualTo(0666);
        assertThat(b.fs().access(other, f, AccessBits.READ | AccessBits.MODIFY).granted())
                .isEqualTo(AccessBits.READ | AccessBits.MODIFY);

        assertThat(a.fs().write(ROOT, f, 0, ByteBuffer.wrap(new byte[1234]), Stability.FILE_SYNC).status())
                .isEqualTo(FsStatus.OK);
        assertThat(b.fs().getAttr(ROOT, f).attr().size()).isEqualTo(1234);

        Handle g = create(a.fs(), "g");
        assertThat(b.fs().lookup(ROOT, root, "g").handle()).isEqualTo(g);
        // the directory's other names stay cached on B; its attributes are fetched again
        double lookupHits = b.count("lookup", "hit");
        assertThat(b.fs().lookup(ROOT, root, "f").handle()).isEqualTo(f);
        assertThat(b.fs().lookup(ROOT, root, "f").handle()).isEqualTo(f);
        assertThat(b.count("lookup", "hit")).isGreaterThanOrEqualTo(lookupHits + 1);

        assertThat(a.fs().rename(ROOT, root, "g", root, "h").status()).isEqualTo(FsStatus.OK);
        assertThat(b.fs().lookup(ROOT, root, "g").status()).isEqualTo(FsStatus.NOENT);
        assertThat(b.fs().lookup(ROOT, root, "h").handle()).isEqualTo(g);

        assertThat(a.fs().link(ROOT, f, root, "f2").status()).isEqualTo(FsStatus.OK);
        assertThat(b.fs().getAttr(ROOT, f).attr().nlink()).isEqualTo(2);
        assertThat(a.fs().remove(ROOT, root, "f2", RemoveKind.NON_DIRECTORY).status()).isEqualTo(FsStatus.OK);
        assertThat(b.fs().getAttr(ROOT, f).attr().nlink()).isEqualTo(1);
        assertThat(a.fs().remove(ROOT, root, "f", RemoveKind.NON_DIRECTORY).status()).isEqualTo(FsStatus.OK);
        assertThat(b.fs().lookup(ROOT, root, "f").status()).isEqualTo(FsStatus.NOENT);
        assertThat(b.fs().getAttr(ROOT, f).status()).isNotEqualTo(FsStatus.OK);
    }

    @Test
    void ownChangesAreSeenThroughTheSameGateway() {
        Handle f = create(a.fs(), "f");
        assertThat(a.fs().getAttr(ROOT, f).attr().size()).isZero();
        assertThat(a.fs().lookup(ROOT, root, "x").status()).isEqualTo(FsStatus.NOENT);
        assertThat(a.fs().write(ROOT, f, 0, ByteBuffer.wrap(new byte[10]), Stability.UNSTABLE).status())
                .isEqualTo(FsStatus.OK);
        assertThat(a.fs().getAttr(ROOT, f).attr().size()).isEqualTo(10);
        Handle x = create(a.fs(), "x");
        // kept from the CREATE's answer: no call for the lookup nor for the attributes
        double lookupHits = a.count("lookup", "hit");
        assertThat(a.fs().lookup(ROOT, root, "x").handle()).isEqualTo(x);
        assertThat(a.count("lookup", "hit")).isEqualTo(lookupHits + 1);
        assertThat(a.fs().getAttr(ROOT, x).attr().size()).isZero();
        // and a change through the other gateway still reaches it
        assertThat(b.fs().write(ROOT, x, 0, ByteBuffer.wrap(new byte[7]), Stability.FILE_SYNC).status())
                .isEqualTo(FsStatus.OK);
        assertThat(a.fs().getAttr(ROOT, x).attr().size()).isEqualTo(7);
        assertThat(a.fs().lookup(ROOT, root, "x").attr().size()).isEqualTo(7);
        assertThat(b.fs().remove(ROOT, root, "x", RemoveKind.NON_DIRECTORY).status()).isEqualTo(FsStatus.OK);
        assertThat(a.fs().lookup(ROOT, root, "x").status()).isEqualTo(FsStatus.NOENT);
        // a removal here keeps the name's absence
        assertThat(a.fs().remove(ROOT, root, "f", RemoveKind.NON_DIRECTORY).status()).isEqualTo(FsStatus.OK);
        lookupHits = a.count("lookup", "hit");
        assertThat(a.fs().lookup(ROOT, root, "f").status()).isEqualTo(FsStatus.NOENT);
        assertThat(a.count("lookup", "hit")).isEqualTo(lookupHits + 1);
    }

    /** The negative control: the same cache kept live without its invalidation stream serves stale attributes. */
    @Test
    void withoutInvalidationsTheOtherGatewayWouldServeStaleAttributes() {
        ManagedChannel ch = ServiceChannels.open(target);
        toClose.add(ch::shutdownNow);
        AttrCache blind = new AttrCache(1000, null);
        blind.extend(System.nanoTime() + TimeUnit.MINUTES.toNanos(1));
        FileSystem c = new CachingFileSystem(new GrpcFileSystem(ch, ch), blind);
        Handle f = create(a.fs(), "f");
        assertThat(c.getAttr(ROOT, f).attr().mode() & 07777).isEqualTo(0644);
        assertThat(b.fs().getAttr(ROOT, f).attr().mode() & 07777).isEqualTo(0644);
        a.fs().setAttr(ROOT, f, new SetAttrs(0600, null, null, null, null, null), null);
        assertThat(c.getAttr(ROOT, f).attr().mode() & 07777).isEqualTo(0644);
        assertThat(b.fs().getAttr(ROOT, f).attr().mode() & 07777).isEqualTo(0600);
    }

    @Test
    void aSubscriberThatStopsAcknowledgingIsDroppedAfterTheLeaseAndTheChangeCompletes() throws Exception {
        Handle f = create(a.fs(), "f");
        ManagedChannel ch = ServiceChannels.open(target);
        toClose.add(ch::shutdownNow);
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        CompletableFuture<Void> heard = new CompletableFuture<>();
        StreamObserver<WatchRequest> mute = MetadataServiceGrpc.newStub(ch).watchInvalidations(new StreamObserver<>() {
            @Override
            public void onNext(WatchEvent e) {
                heard.complete(null);
            }

            @Override
            public void onError(Throwable t) {
                ended.complete(t);
            }

            @Override
            public void onCompleted() {
                ended.complete(null);
            }
        });
        mute.onNext(WatchRequest.newBuilder().setSubscribe(Subscribe.newBuilder().setGatewayId("mute")).build());
        mute.onNext(WatchRequest.newBuilder().setRenew(1).build());
        heard.get(5, TimeUnit.SECONDS);
        assertThat(hub.subscribers()).isEqualTo(3);

        long t0 = System.nanoTime();
        assertThat(b.fs().setAttr(ROOT, f, new SetAttrs(0600, null, null, null, null, null), null).status())
                .isEqualTo(FsStatus.OK);
        long took = System.nanoTime() - t0;
        assertThat(took).isGreaterThanOrEqualTo(LEASE.toNanos()).isLessThan(LEASE.toNanos() * 10);
        assertThat(ended.get(5, TimeUnit.SECONDS)).isNotNull();
        // the live gateways acknowledged in time and stay subscribed; the next change does not wait
        assertThat(a.cache().live()).isTrue();
        t0 = System.nanoTime();
        b.fs().setAttr(ROOT, f, new SetAttrs(0644, null, null, null, null, null), null);
        assertThat(System.nanoTime() - t0).isLessThan(LEASE.toNanos());
    }

    @Test
    void aGatewayWhoseStreamDiesStopsServingFromItsCache() throws Exception {
        Handle f = create(a.fs(), "f");
        assertThat(b.fs().getAttr(ROOT, f).status()).isEqualTo(FsStatus.OK);
        assertThat(b.cache().attr(f)).isNotNull();
        host.close();
        awaitTrue(() -> !b.cache().live(), "cache off after its stream died");
        assertThat(b.cache().attr(f)).isNull();
        assertThatThrownBy(() -> b.fs().getAttr(ROOT, f)).isInstanceOf(ServiceCallException.class);
    }

    @Test
    void aHitIsAnsweredUnderNonBlockingAndAMissWouldBlock() {
        Handle f = create(a.fs(), "f");
        Handle g = create(a.fs(), "g");
        b.fs().getAttr(ROOT, f);
        try (NonBlocking.Scope scope = NonBlocking.enter()) {
            assertThat(b.fs().getAttr(ROOT, f).status()).isEqualTo(FsStatus.OK);
            assertThat(scope.blocked()).isFalse();
            assertThatThrownBy(() -> b.fs().getAttr(ROOT, g)).isInstanceOf(NonBlocking.WouldBlock.class);
            assertThat(scope.blocked()).isTrue();
        }
        // a refused call is no failed mutation: the cache is still on and still holds f
        assertThat(b.cache().live()).isTrue();
        assertThat(b.cache().attr(f)).isNotNull();
    }
}
