package io.dittofs.gateway.config;

import io.dittofs.contracts.grpc.ServiceChannels;
import io.dittofs.gateway.access.ShareGate;
import io.dittofs.gateway.identity.GrpcIdentityNames;
import io.dittofs.gateway.identity.IdentityNames;
import io.dittofs.gateway.nfs.v4.attr.Fattr4;
import io.dittofs.gateway.nfs.v4.attr.Owners;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.Optional;
import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.locks.LockEventRouter;
import io.dittofs.gateway.locks.LockManager;
import io.dittofs.gateway.nfs.v4.Nfs4Callbacks;
import io.dittofs.gateway.rpc.callback.RpcConnector;
import io.dittofs.gateway.nfs.v4.Nfs40ReplyCache;
import io.dittofs.gateway.nfs.v4.Nfs4Program;
import io.dittofs.gateway.nfs.v4.Nfs4Server;
import io.dittofs.gateway.nfs.v4.PseudoFs;
import io.dittofs.gateway.nfs.v4.state.ClientStates;
import io.dittofs.gateway.share.ShareRegistry;
import io.dittofs.gateway.metrics.GatewayMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * NFSv4 (program 100003 version 4) as an RpcProgram bean; the NFS listeners register every
 * RpcProgram bean beside their own. Client ids are registered with the lock-service when a
 * LockManager bean exists.
 */
@Configuration(proxyBeanMethods = false)
public class Nfs4Configuration {

    /** Holds the control-plane channel of the owner-name lookups, if any, so it is closed with the context. */
    public record Nfs4Identity(IdentityNames names, Optional<ManagedChannel> channel) implements AutoCloseable {
        @Override
        public void close() {
            channel.ifPresent(ManagedChannel::shutdownNow);
        }
    }

    /** Owner names from the control plane's identity service when the gateway follows one; numeric ids otherwise. */
    @Bean
    public Nfs4Identity gatewayNfs4Identity(GatewayProperties gateway) {
        Optional<String> control = gateway.watchedControlPlane();
        if (control.isEmpty()) {
            return new Nfs4Identity(IdentityNames.NONE, Optional.empty());
        }
        ManagedChannel ch = ServiceChannels.open(control.get());
        return new Nfs4Identity(new GrpcIdentityNames(ch, Duration.ofSeconds(5), Duration.ofSeconds(60)), Optional.of(ch));
    }

    /** Outbound connections to 4.0 clients' callback services (CB_NULL, CB_RECALL); closed with the context. */
    @Bean
    public RpcConnector gatewayNfs4CallbackConnector(NfsProperties nfs) {
        return RpcConnector.standalone(nfs.maxRecordBytes(), nfs.callbackTimeout());
    }

    @Bean
    public Nfs4Program gatewayNfs4Program(FileSystem fs, ShareGate gate, ShareRegistry registry,
                                          ObjectProvider<LockManager> locks, NfsProperties nfs, Nfs4Identity identity,
                                          ObjectProvider<GatewayMetrics> metrics, RpcConnector gatewayNfs4CallbackConnector,
                                          ObjectProvider<LockEventRouter> events) {
        NfsVersionRange versions = nfs.versions();
        int lease = (int) nfs.leaseTime().toSeconds();
        Fattr4.leaseSeconds(lease);
        ClientStates clients = new ClientStates(locks.getIfAvailable(), lease);
        // delegations are recalled when the lock-service sends a break for them
        Nfs4Callbacks callbacks = new Nfs4Callbacks(clients, gatewayNfs4CallbackConnector);
        LockEventRouter router = events.getIfAvailable();
        if (router != null) {
            router.add(callbacks);
        }
        return new Nfs4Program(new Nfs4Server(fs, gate, new PseudoFs(registry.servedOver(io.dittofs.gateway.share.ShareProtocol.NFS), fs),
                clients, new Owners(nfs.idDomain(), identity.names()), callbacks),
                versions.minMinor(), Math.max(0, versions.maxMinor()),
                metrics.getIfAvailable(GatewayMetrics::disabled).nfs4Operations(),
                new Nfs40ReplyCache(nfs.drcEntries(), Nfs4Program.REPLY_CACHE_BYTES));
    }
}
