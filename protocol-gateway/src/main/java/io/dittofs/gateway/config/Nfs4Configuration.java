package io.dittofs.gateway.config;

import io.dittofs.gateway.access.ShareGate;
import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.locks.LockManager;
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

    @Bean
    public Nfs4Program gatewayNfs4Program(FileSystem fs, ShareGate gate, ShareRegistry registry,
                                          ObjectProvider<LockManager> locks, ObjectProvider<GatewayMetrics> metrics) {
        return new Nfs4Program(new Nfs4Server(fs, gate, new PseudoFs(registry, fs),
                new ClientStates(locks.getIfAvailable())), metrics.getIfAvailable(GatewayMetrics::disabled).nfs4Operations());
    }
}
