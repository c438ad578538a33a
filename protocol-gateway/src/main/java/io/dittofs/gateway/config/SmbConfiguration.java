package io.dittofs.gateway.config;

import io.dittofs.contracts.grpc.ServiceChannels;
import io.dittofs.gateway.access.ShareGate;
import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.locks.LockEventRouter;
import io.dittofs.gateway.locks.LockManager;
import io.dittofs.gateway.share.ShareIds;
import io.dittofs.gateway.share.ShareProtocol;
import io.dittofs.gateway.share.ShareRegistry;
import io.dittofs.gateway.smb.ops.SmbFileService;
import io.dittofs.gateway.smb.auth.GrpcNtHashSource;
import io.dittofs.gateway.smb.auth.NtHashSource;
import io.dittofs.gateway.smb.auth.StaticNtHashSource;
import io.dittofs.gateway.smb.server.SmbServerSettings;
import io.grpc.ManagedChannel;
import io.dittofs.gateway.metrics.GatewayMetrics;
import io.dittofs.gateway.metrics.ProtocolOps;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SMB2/3 server's beans ({@code dittofs.smb.*}); imported by the gateway configuration. NT
 * hashes come from the control plane's IdentityService on {@code dittofs.gateway.control-target};
 * without a control plane only {@code dittofs.smb.static-users} (tests) can log on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmbProperties.class)
@ConditionalOnProperty(prefix = "dittofs.smb", name = "enabled", havingValue = "true", matchIfMissing = true)
public class SmbConfiguration {

    /** Holds the control-plane channel of the identity lookups, if any, so it is closed with the context. */
    public record SmbIdentity(NtHashSource source, Optional<ManagedChannel> channel) implements AutoCloseable {
        @Override
        public void close() {
            channel.ifPresent(ManagedChannel::shutdownNow);
        }
    }

    @Bean
    public SmbIdentity smbIdentity(SmbProperties smb, GatewayProperties gateway) {
        Optional<String> control = gateway.watchedControlPlane();
        if (control.isPresent()) {
            ManagedChannel ch = ServiceChannels.open(control.get());
            return new SmbIdentity(new GrpcNtHashSource(ch, Duration.ofSeconds(10)), Optional.of(ch));
        }
        StaticNtHashSource table = new StaticNtHashSource();
        for (String u : smb.staticUsers()) {
            String[] f = u.split(":", -1);
            table.add(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]));
        }
        return new SmbIdentity(table, Optional.empty());
    }

    @Bean
    public SmbServerSettings smbServerSettings(SmbProperties smb) {
        // stable across restarts of one named server: clients cache it per server
        UUID id = UUID.nameUUIDFromBytes(("dittofs-smb:" + smb.serverName()).getBytes(StandardCharsets.UTF_8));
        byte[] guid = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
        // 8192 credits as Windows and Samba grant: enough for 1 MiB multi-credit I/O in flight
        return new SmbServerSettings(SmbProperties.MAX_IO + 65536, 32, SmbProperties.MAX_IO, 8192, guid,
                smb.signingRequired(), smb.serverName(), smb.domain(), smb.allowGuest(), true, 64, smb.transport(),
                smb.encryptionRequired(), java.util.Set.copyOf(smb.encryptedShares()));
    }

    /**
     * The file commands on the shared facade and lock manager; blocking locks complete on the
     * lock-service's Granted events through the gateway's one event router.
     */
    @Bean
    public SmbFileService smbFileService(ObjectProvider<FileSystem> fs, ObjectProvider<LockManager> locks,
                                         ObjectProvider<LockEventRouter> router, SmbServerSettings settings,
                                         SmbProperties smb) {
        SmbFileService service = new SmbFileService(fs.getIfAvailable(), locks.getIfAvailable(), settings);
        service.breakTimeout(smb.oplockBreakTimeout());
        LockEventRouter r = router.getIfAvailable();
        if (r != null) {
            r.add(service.lockEvents());
        }
        return service;
    }

    @Bean
    public SmbListener smbListener(SmbProperties smb, SmbServerSettings settings, SmbIdentity identity,
                                   ObjectProvider<GatewayMetrics> metrics,
                                   ShareRegistry shares, ShareIds ids, SmbFileService files) {
        // SMB sees only the shares served over SMB, through a gate of its own
        return new SmbListener(smb, settings, identity.source(), shares.servedOver(ShareProtocol.SMB),
                new ShareGate(ids, ShareProtocol.SMB),
                metrics.getIfAvailable(GatewayMetrics::disabled).smb2(), files::connection);
    }
}
