package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fixture.GatewayFixture;
import io.dittofs.gateway.locks.GrpcLockManager;
import io.dittofs.gateway.share.Share;
import io.dittofs.gateway.share.Squash;
import io.dittofs.gateway.smb.auth.StaticNtHashSource;
import io.dittofs.gateway.smb.server.SmbServer;
import io.dittofs.gateway.smb.server.SmbServerSettings;
import io.dittofs.gateway.transport.TransportSettings;
import io.dittofs.lock.core.LockCore;
import io.dittofs.lock.core.LockSettings;
import io.dittofs.lock.grpc.LockGrpcService;
import io.dittofs.lock.store.memory.MemoryLockStore;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An SMB server with the file commands in front of the real metadata-, block- and lock-services on
 * memory stores, in process (the gateway's {@link GatewayFixture} plus a lock-service). Share
 * {@code export} is read-write, {@code ro} read-only; user {@code alice} (uid 1000) logs on with
 * {@link #PASSWORD}.
 */
public final class SmbFileFixture implements AutoCloseable {

    public static final String USER = "alice";
    public static final String PASSWORD = "s3cret-Pw";

    public final GatewayFixture gateway;
    public final GrpcLockManager locks;
    public final SmbFileService service;
    private final LockCore lockCore;
    private final Server lockServer;
    private final ManagedChannel lockChannel;
    private final AutoCloseable watch;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final SmbServer server;

    public SmbFileFixture(boolean signingRequired) throws Exception {
        this(signingRequired, 0);
    }

    /** On a chosen loopback port (manual conformance runs: smbtorture against a running fixture). */
    public SmbFileFixture(boolean signingRequired, int port) throws Exception {
        gateway = new GatewayFixture(List.of(
                new Share("export", "/export", false, Squash.NONE, 65534, 65534, List.of()),
                new Share("ro", "/ro", true, Squash.NONE, 65534, 65534, List.of())));
        String name = "smb-locks-" + UUID.randomUUID();
        lockCore = LockCore.system(new MemoryLockStore(), new LockSettings(Duration.ZERO, Duration.ofSeconds(35)));
        lockServer = InProcessServerBuilder.forName(name).addService(new LockGrpcService(lockCore)).build().start();
        lockChannel = InProcessChannelBuilder.forName(name).build();
        locks = new GrpcLockManager(lockChannel, "smb-gw");
        SmbServerSettings settings = new SmbServerSettings((8 << 20) + 65536, 32, 8 << 20, 8192, new byte[16],
                signingRequired, "DITTOFS", "WORKGROUP", false, true, 16,
                TransportSettings.defaults(64, 64, Duration.ofSeconds(60)));
        service = new SmbFileService(gateway.fs, locks, settings);
        watch = locks.watch(service.lockEvents());
        server = SmbServer.start("127.0.0.1", port, settings,
                new StaticNtHashSource().add(USER, PASSWORD, 1000, 1000).add("bob", PASSWORD, 1001, 1001),
                gateway.registry, gateway.gate, executor, service::connection);
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() throws Exception {
        server.close();
        executor.close();
        watch.close();
        lockChannel.shutdownNow();
        lockServer.shutdownNow();
        lockCore.close();
        gateway.close();
    }
}
