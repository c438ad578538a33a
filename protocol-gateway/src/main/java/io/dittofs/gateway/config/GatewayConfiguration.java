package io.dittofs.gateway.config;

import io.dittofs.gateway.transport.LeakDetection;
import io.netty.util.ResourceLeakDetector;

import io.dittofs.contracts.control.ConfigWatchClient;
import io.dittofs.contracts.grpc.GrpcTelemetry;
import io.dittofs.contracts.grpc.NonBlocking;
import io.dittofs.contracts.grpc.ServiceChannels;
import io.dittofs.contracts.grpc.SlowCalls;
import io.dittofs.gateway.metrics.GatewayMetrics;
import io.dittofs.service.LoggingProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.dittofs.gateway.access.ShareGate;
import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.fs.ServiceCallException;
import io.dittofs.gateway.fs.NamespaceEvents;
import io.dittofs.gateway.fs.NotifyingFileSystem;
import io.dittofs.gateway.fs.grpc.GrpcFileSystem;
import io.dittofs.gateway.fs.AttrCache;
import io.dittofs.gateway.fs.CachingFileSystem;
import io.dittofs.gateway.fs.grpc.CoherentMetadata;
import java.util.Locale;
import java.util.Optional;
import io.dittofs.gateway.identity.Principal;
import io.dittofs.gateway.nfs.mount.MountProgram;
import io.dittofs.gateway.nfs.portmap.PortmapProgram;
import io.dittofs.gateway.nfs.v3.Nfs3Program;
import io.dittofs.gateway.rpc.DuplicateRequestCache;
import io.dittofs.gateway.rpc.RpcDispatcher;
import io.dittofs.gateway.rpc.RpcRegistry;
import io.dittofs.gateway.rpc.auth.AuthFlavors;
import io.dittofs.gateway.share.ShareIds;
import io.dittofs.gateway.share.ShareProtocol;
import io.dittofs.gateway.share.ShareRegistry;
import io.dittofs.gateway.share.ShareSnapshotFile;
import io.dittofs.gateway.share.StaticShareRegistry;
import io.dittofs.gateway.share.WatchShareRegistry;
import io.dittofs.gateway.locks.GrpcLockManager;
import io.dittofs.gateway.locks.LockEventRouter;
import io.dittofs.gateway.locks.LockManager;
import io.dittofs.gateway.rpc.RpcProgram;
import io.grpc.ManagedChannel;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The protocol-gateway's beans. Opens no socket itself: {@link NfsListeners} (a SmartLifecycle)
 * listens once the context is ready. Replace the {@link ShareRegistry} bean to feed shares from
 * elsewhere (the control plane).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NfsProperties.class, GatewayProperties.class, LoggingProperties.class})
@Import({NlmConfiguration.class, Nfs4Configuration.class, SmbConfiguration.class})
public class GatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "gateway";
        }
    }

    /** Service-call timers (gRPC client side) and trace ids on every channel of the gateway. */
    @Bean
    public GrpcTelemetry gatewayGrpcTelemetry(ObjectProvider<MeterRegistry> registry) {
        return GrpcTelemetry.of(registry.getIfAvailable(), SlowCalls.OFF);
    }

    /** Protocol operation timers and slow-operation lines (dittofs.logging.slow-call-threshold). */
    @Bean
    public GatewayMetrics gatewayMetrics(LoggingProperties logging, ObjectProvider<MeterRegistry> registry) {
        return new GatewayMetrics(registry.getIfAvailable(), logging.slowCalls());
    }

    @Bean(destroyMethod = "shutdownNow")
    public ManagedChannel gatewayMetadataChannel(GatewayProperties props, GrpcTelemetry telemetry) {
        return ServiceChannels.open(props.metadataTarget(), telemetry);
    }

    @Bean(destroyMethod = "shutdownNow")
    public ManagedChannel gatewayBlockChannel(GatewayProperties props, GrpcTelemetry telemetry) {
        return ServiceChannels.open(props.blockTarget(), telemetry);
    }

    /**
     * Whether this gateway caches attributes, lookups and access results (dittofs.gateway.attr-cache):
     * {@code auto} (default) when the metadata service is in another process — a call there costs
     * ~400 us of CPU, in process ~1 us, not worth a cache —, {@code on}, or {@code off}.
     */
    public static boolean attrCache(String mode, ManagedChannel metadataChannel) {
        return switch (mode == null ? "auto" : mode.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> !NonBlocking.direct(metadataChannel);
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalArgumentException("dittofs.gateway.attr-cache must be auto, on or off (got '" + mode + "')");
        };
    }

    /** The coherent cache and its invalidation stream, when {@link #attrCache} says so. */
    @Bean(destroyMethod = "close")
    public GatewayAttrCache gatewayAttrCache(ManagedChannel gatewayMetadataChannel,
                                                       @Value("${dittofs.gateway.attr-cache:auto}") String mode,
                                                       @Value("${dittofs.gateway.attr-cache-entries:100000}") int entries,
                                                       ObjectProvider<MeterRegistry> registry) {
        if (!attrCache(mode, gatewayMetadataChannel)) {
            log.info("attribute cache off (dittofs.gateway.attr-cache={})", mode);
            return new GatewayAttrCache(Optional.empty());
        }
        log.info("attribute cache on ({} entries), coherent through the metadata service's invalidations", entries);
        return new GatewayAttrCache(Optional.of(new CoherentMetadata(gatewayMetadataChannel,
                new AttrCache(entries, registry.getIfAvailable())).start()));
    }

    /**
     * The facade every protocol calls; its namespace changes are published (SMB CHANGE_NOTIFY sees
     * what NFS does through this gateway too).
     */
    @Bean
    public FileSystem gatewayFileSystem(ManagedChannel gatewayMetadataChannel, ManagedChannel gatewayBlockChannel,
                                        GatewayAttrCache gatewayAttrCache) {
        FileSystem fs = gatewayAttrCache.cache()
                .<FileSystem>map(c -> new CachingFileSystem(new GrpcFileSystem(c.channel(), gatewayBlockChannel), c.cache()))
                .orElseGet(() -> new GrpcFileSystem(gatewayMetadataChannel, gatewayBlockChannel));
        return new NotifyingFileSystem(fs, new NamespaceEvents());
    }

    /**
     * Live from the control plane when dittofs.gateway.control-target is set (and
     * dittofs.gateway.follow-control-plane is not false), kept in dittofs.gateway.share-snapshot for
     * the next start; otherwise the static dittofs.gateway.exports.
     */
    /** dittofs.gateway.netty-leak-detection, applied once for the whole JVM (see {@link LeakDetection}). */
    @Bean
    public ResourceLeakDetector.Level gatewayNettyLeakDetection(GatewayProperties props) {
        return LeakDetection.apply(props.nettyLeakDetection());
    }

    @Bean
    public ShareRegistry gatewayShareRegistry(GatewayProperties props) {
        return props.watchedControlPlane()
                .<ShareRegistry>map(target -> new WatchShareRegistry(new ConfigWatchClient(target, "gateway"),
                        props.shareSnapshot().isBlank() ? null : new ShareSnapshotFile(Path.of(props.shareSnapshot()))))
                .orElseGet(() -> new StaticShareRegistry(ExportShares.of(props)));
    }

    @Bean
    public ShareIds gatewayShareIds(ShareRegistry registry, FileSystem fs) {
        return new ShareIds(registry, name -> {
            try {
                var r = fs.root(Principal.root(), name);
                return r.status().ok() ? r.shareId() : -1;
            } catch (ServiceCallException e) {
                return -1;
            }
        });
    }

    @Bean
    public ShareGate gatewayShareGate(ShareIds ids) {
        return new ShareGate(ids, ShareProtocol.NFS);
    }

    @Bean(destroyMethod = "shutdownNow")
    public ManagedChannel gatewayLockChannel(GatewayProperties props, GrpcTelemetry telemetry) {
        return ServiceChannels.open(props.lockTarget(), telemetry);
    }

    @Bean
    public LockManager gatewayLockManager(ManagedChannel gatewayLockChannel, GatewayProperties props,
                                          NfsProperties nfs) {
        String id = props.gatewayId().isBlank() ? hostName() + ":" + nfs.port() : props.gatewayId();
        return new GrpcLockManager(gatewayLockChannel, id);
    }

    @Bean
    public LockEventRouter gatewayLockEventRouter() {
        return new LockEventRouter();
    }

    @Bean
    public LockEvents gatewayLockEvents(LockManager locks, LockEventRouter router) {
        return new LockEvents(locks, router);
    }

    /**
     * NFS, MOUNT and the portmapper on one port, plus every other {@link RpcProgram} bean (NLM, NSM,
     * NFSv4 register themselves that way); the portmapper advertises exactly what is registered.
     */
    /**
     * Whether NFSv3 GETATTR, LOOKUP, ACCESS and READ are tried on the event loop (dittofs.rpc.inline-reads,
     * default true): only when the metadata service runs in this process, which the gateway knows
     * from how its channel was built (an {@code in-process:} target), never from a guess. With a
     * metadata service in another process every call would have to wait for the network (READ's
     * block-service call then signals on its own when that service is not in this process).
     */
    public static boolean inlineReads(boolean enabled, ManagedChannel metadataChannel) {
        return inlineReads(enabled, metadataChannel, false);
    }

    /**
     * With an attribute cache, a hit makes no call at all, so GETATTR, LOOKUP and ACCESS are tried
     * on the event loop even with the metadata service in another process; a miss is refused by the
     * socket channel under NonBlocking and runs again on a virtual thread.
     */
    public static boolean inlineReads(boolean enabled, ManagedChannel metadataChannel, boolean attrCache) {
        return enabled && (NonBlocking.direct(metadataChannel) || attrCache);
    }

    @Bean
    public NfsListeners gatewayNfsListeners(NfsProperties nfs, ShareRegistry registry, ShareIds ids, ShareGate gate,
                                            FileSystem fs, ObjectProvider<RpcProgram> extraPrograms,
                                            GatewayMetrics metrics, ManagedChannel gatewayMetadataChannel,
                                            GatewayAttrCache gatewayAttrCache,
                                            @Value("${dittofs.rpc.inline-null:true}") boolean inlineNull,
                                            @Value("${dittofs.rpc.inline-reads:true}") boolean inlineReads) {
        AtomicReference<NfsListeners> self = new AtomicReference<>();
        String host = nfs.bindAddress().equals("0.0.0.0") ? "127.0.0.1" : nfs.bindAddress();
        RpcRegistry programs = new RpcRegistry();
        PortmapProgram portmap = new PortmapProgram(programs, () -> self.get().port(), host, nfs.udp());
        NfsVersionRange versions = nfs.versions();
        programs.register(portmap);
        if (versions.serves3()) {
            // MOUNT hands out NFSv3 handles: it goes with NFSv3
            programs.register(new MountProgram(registry.servedOver(ShareProtocol.NFS), ids, gate, fs)).register(new Nfs3Program(fs, gate));
        }
        extraPrograms.orderedStream().filter(versions::admits).forEach(programs::register);
        DuplicateRequestCache drc = new DuplicateRequestCache(nfs.drcEntries());
        AuthFlavors auth = AuthFlavors.standard();
        boolean inline = inlineReads(inlineReads, gatewayMetadataChannel, gatewayAttrCache.cache().isPresent());
        log.info("NFSv3 reads on the event loop when they cannot block: {}", inline
                ? (NonBlocking.direct(gatewayMetadataChannel) ? "on" : "on for attribute cache hits")
                : inlineReads ? "off (the metadata service is not in this process)" : "off (dittofs.rpc.inline-reads=false)");
        RpcDispatcher all = new RpcDispatcher(programs, drc, auth, metrics, inlineNull, inline);
        RpcDispatcher portmapOnly = new RpcDispatcher(new RpcRegistry().register(portmap), drc, auth, metrics,
                inlineNull, false);
        NfsListeners listeners = new NfsListeners(nfs, all, portmapOnly);
        self.set(listeners);
        return listeners;
    }
}
