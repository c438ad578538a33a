package io.dittofs.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dittofs.block.core.BlockEngine;
import io.dittofs.block.core.EngineSettings;
import io.dittofs.block.grpc.BlockGrpcService;
import io.dittofs.block.local.memory.MemoryLocalStore;
import io.dittofs.contracts.grpc.GrpcServerHost;
import io.dittofs.contracts.grpc.GrpcTelemetry;
import io.dittofs.contracts.grpc.ServiceChannels;
import io.dittofs.contracts.grpc.SlowCalls;
import io.dittofs.contracts.grpc.TraceIds;
import io.dittofs.gateway.access.ShareGate;
import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.fs.grpc.GrpcFileSystem;
import io.dittofs.gateway.identity.Principal;
import io.dittofs.gateway.nfs.mount.MountProgram;
import io.dittofs.gateway.nfs.v3.Nfs3Program;
import io.dittofs.gateway.nfs.v4.Nfs4Program;
import io.dittofs.gateway.nfs.v4.Nfs4Server;
import io.dittofs.gateway.nfs.v4.PseudoFs;
import io.dittofs.gateway.nfs.v4.state.ClientStates;
import io.dittofs.gateway.rpc.DuplicateRequestCache;
import io.dittofs.gateway.rpc.RpcDispatcher;
import io.dittofs.gateway.rpc.RpcRegistry;
import io.dittofs.gateway.rpc.TestRpc;
import io.dittofs.gateway.rpc.auth.AuthFlavors;
import io.dittofs.gateway.rpc.server.RpcServer;
import io.dittofs.gateway.share.Share;
import io.dittofs.gateway.share.ShareIds;
import io.dittofs.gateway.share.Squash;
import io.dittofs.gateway.share.StaticShareRegistry;
import io.dittofs.gateway.transport.TransportSettings;
import io.dittofs.metadata.core.CoreSettings;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.grpc.MetadataGrpcService;
import io.dittofs.metadata.store.memory.MemoryStore;
import io.grpc.ManagedChannel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * NFSv3, MOUNT and NFSv4 over a real TCP RPC server in front of the real services (memory stores,
 * in-process gRPC): every operation is timed by protocol/op/status, bytes and the duplicate request
 * cache are counted, both gRPC sides are timed, and the trace id the gateway made for a call (its
 * connection tag and xid) is in the service's log lines for it.
 */
class ProtocolMetricsTest {

    private final SimpleMeterRegistry gatewayMeters = new SimpleMeterRegistry();
    private final SimpleMeterRegistry serviceMeters = new SimpleMeterRegistry();
    private final ListAppender<ILoggingEvent> slowLines = new ListAppender<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private MemoryStore store;
    private BlockEngine engine;
    private GrpcServerHost services;
    private ManagedChannel channel;
    private RpcServer server;

    @BeforeEach
    void start() throws Exception {
        Logger slow = (Logger) LoggerFactory.getLogger(SlowCalls.LOGGER);
        slow.setLevel(Level.WARN);
        slowLines.start();
        slow.addAppender(slowLines);

        store = new MemoryStore();
        engine = BlockEngine.open(new MemoryLocalStore(), null, EngineSettings.defaults());
        String name = "metrics-" + UUID.randomUUID();
        // a threshold of 1 ns makes every service call and operation log its slow-call line
        services = GrpcServerHost.start("in-process:" + name, List.of(
                new MetadataGrpcService(new MetadataCore(store, new CoreSettings(0777, 0, 0, 1L << 40, 1L << 32,
                        CoreSettings.DEFAULT_MAX_READDIR))), new BlockGrpcService(engine)),
                GrpcTelemetry.of(serviceMeters, new SlowCalls(Duration.ofNanos(1))));
        channel = ServiceChannels.open("in-process:" + name, GrpcTelemetry.of(gatewayMeters, SlowCalls.OFF));
        FileSystem fs = new GrpcFileSystem(channel, channel);
        StaticShareRegistry shares = new StaticShareRegistry(List.of(
                new Share("export", "/export", false, Squash.NONE, 65534, 65534, List.of())));
        ShareIds ids = new ShareIds(shares, share -> {
            var r = fs.root(Principal.root(), share);
            return r.status().ok() ? r.shareId() : -1;
        });
        ShareGate gate = new ShareGate(ids, io.dittofs.gateway.share.ShareProtocol.NFS);
        GatewayMetrics metrics = new GatewayMetrics(gatewayMeters, new SlowCalls(Duration.ofNanos(1)));
        RpcRegistry programs = RpcRegistry.of(List.of(new Nfs3Program(fs, gate), new MountProgram(shares, ids, gate, fs),
                new Nfs4Program(new Nfs4Server(fs, gate, new PseudoFs(shares, fs), new ClientStates(null)),
                        metrics.nfs4Operations())));
        server = RpcServer.start("127.0.0.1", 0, new RpcDispatcher(programs, new DuplicateRequestCache(64),
                AuthFlavors.standard(), metrics), executor, new RpcServer.Settings(1 << 20, false, Duration.ofSeconds(5),
                TransportSettings.defaults(16, 16, Duration.ofMinutes(1))));
    }

    @AfterEach
    void stop() throws Exception {
        ((Logger) LoggerFactory.getLogger(SlowCalls.LOGGER)).detachAppender(slowLines);
        server.close();
        executor.shutdown();
        channel.shutdownNow();
        services.close();
        engine.close();
        store.close();
    }

    private double count(String protocol, String op, String status) {
        var t = gatewayMeters.find(ProtocolOps.OPERATIONS).tags("protocol", protocol, "op", op, "status", status).timer();
        return t == null ? 0 : t.count();
    }

    /** An XDR opaque from reply words starting at {@code at} (length word first). */
    private static byte[] opaque(int[] words, int at) {
        int len = words[at];
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate((len + 3) / 4 * 4);
        for (int i = 0; i < (len + 3) / 4; i++) {
            b.putInt(words[at + 1 + i]);
        }
        return Arrays.copyOf(b.array(), len);
    }

    @Test
    void everyOperationIsTimedByProtocolOpAndStatusAndTheServicesLogTheGatewaysTraceId() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            int[] mnt = TestRpc.roundTrip(s, TestRpc.call(0x101, 100005, 3, 1, w -> w.writeString("/export")));
            assertThat(mnt[5]).as("accepted").isZero();
            assertThat(mnt[6]).as("MNT3_OK").isZero();
            byte[] root = opaque(mnt, 7);

            slowLines.list.clear();
            int[] getattr = TestRpc.roundTrip(s, TestRpc.call(0xbeef01, 100003, 3, 1, w -> w.writeOpaque(root)));
            assertThat(getattr[6]).as("NFS3_OK").isZero();
            // the gateway's line for the operation and the service's line for its call carry one id
            List<ILoggingEvent> lines = List.copyOf(slowLines.list);
            ILoggingEvent op = lines.stream().filter(e -> e.getFormattedMessage().startsWith("slow nfs3 GETATTR"))
                    .findFirst().orElseThrow();
            String trace = op.getMDCPropertyMap().get(TraceIds.MDC_KEY);
            assertThat(trace).matches("n[0-9a-f]+-beef01");
            assertThat(op.getFormattedMessage()).contains("status OK", "trace " + trace);
            assertThat(lines).filteredOn(e -> e.getFormattedMessage().startsWith("slow service call MetadataService/"))
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry(TraceIds.MDC_KEY, trace));

            int[] lookup = TestRpc.roundTrip(s, TestRpc.call(0x103, 100003, 3, 3,
                    w -> w.writeOpaque(root).writeString("missing")));
            assertThat(lookup[6]).as("NFS3ERR_NOENT").isEqualTo(2);
            // a garbled GETATTR: the RPC layer answers GARBAGE_ARGS
            TestRpc.roundTrip(s, TestRpc.call(0x104, 100003, 3, 1, w -> w.writeInt(1 << 20)));
            // MKDIR twice with one xid: the second is the duplicate request cache's
            byte[] mkdir = TestRpc.call(0x105, 100003, 3, 9, w -> w.writeOpaque(root).writeString("d")
                    .writeInt(0).writeInt(0).writeInt(0).writeInt(0).writeInt(0).writeInt(0));
            int[] first = TestRpc.roundTrip(s, mkdir);
            assertThat(TestRpc.roundTrip(s, mkdir)).isEqualTo(first);
            // NFSv4 COMPOUND { PUTROOTFH, GETFH }
            int[] compound = TestRpc.roundTrip(s, TestRpc.call(0x106, 100003, 4, 1,
                    w -> w.writeInt(0).writeInt(0).writeInt(2).writeInt(24).writeInt(10)));
            assertThat(compound[6]).as("NFS4_OK").isZero();
        }

        assertThat(count("mount", "MNT", "OK")).isEqualTo(1);
        assertThat(count("nfs3", "GETATTR", "OK")).isEqualTo(1);
        assertThat(count("nfs3", "LOOKUP", "NOENT")).isEqualTo(1);
        assertThat(count("nfs3", "GETATTR", "RPC_GARBAGE_ARGS")).isEqualTo(1);
        assertThat(count("nfs3", "MKDIR", "OK")).as("the retransmission is answered from the cache, not run").isEqualTo(1);
        assertThat(count("nfs4", "COMPOUND", "OK")).isEqualTo(1);
        assertThat(count("nfs4-op", "PUTROOTFH", "OK")).isEqualTo(1);
        assertThat(count("nfs4-op", "GETFH", "OK")).isEqualTo(1);
        assertThat(gatewayMeters.get(GatewayMetrics.CACHE_REQUESTS).tags("cache", "drc", "result", "hit").counter().count())
                .isEqualTo(1);
        assertThat(gatewayMeters.get(GatewayMetrics.CACHE_REQUESTS).tags("cache", "drc", "result", "miss").counter().count())
                .isEqualTo(1);
        assertThat(gatewayMeters.get(ProtocolOps.BYTES).tags("protocol", "nfs3", "direction", "in").counter().count())
                .isPositive();
        assertThat(gatewayMeters.get(ProtocolOps.BYTES).tags("protocol", "nfs3", "direction", "out").counter().count())
                .isGreaterThan(gatewayMeters.get(ProtocolOps.BYTES).tags("protocol", "nfs3", "direction", "in").counter().count());
        assertThat(gatewayMeters.get(ProtocolOps.INFLIGHT).tags("protocol", "nfs3").gauge().value()).isZero();
        assertThat(gatewayMeters.get("dittofs.grpc.client.calls").tags("service", "MetadataService", "status", "OK")
                .timers()).isNotEmpty();
        assertThat(serviceMeters.get("dittofs.grpc.server.calls").tags("service", "MetadataService", "status", "OK")
                .timers()).isNotEmpty();
    }

    @Test
    void withoutRegistryAndThresholdNothingIsRecorded() {
        GatewayMetrics off = new GatewayMetrics(null, SlowCalls.OFF);
        ProtocolOps nfs3 = off.rpc().of(100003, 3);
        assertThat(nfs3.begin()).isZero();
        assertThat(GatewayMetrics.disabled().smb2().begin()).isZero();
        assertThat(new GatewayMetrics(gatewayMeters, SlowCalls.OFF).rpc().of(100003, 3).protocol()).isEqualTo("nfs3");
        assertThat(new GatewayMetrics(gatewayMeters, SlowCalls.OFF).rpc().of(100021, 4).protocol()).isEqualTo("nlm");
    }
}
