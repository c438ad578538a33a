package io.dittofs.gateway.config;

import io.dittofs.gateway.access.HandleAccess;
import io.dittofs.gateway.access.Intent;
import io.dittofs.gateway.access.ShareGate;
import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.identity.Principals;
import io.dittofs.gateway.locks.LockEventRouter;
import io.dittofs.gateway.locks.LockManager;
import io.dittofs.gateway.nfs.nlm.NlmCallbacks;
import io.dittofs.gateway.nfs.nlm.NlmFiles;
import io.dittofs.gateway.nfs.nlm.NlmGrants;
import io.dittofs.gateway.nfs.nlm.NlmHosts;
import io.dittofs.gateway.nfs.nlm.NlmProgram;
import io.dittofs.gateway.nfs.nlm.NlmShares;
import io.dittofs.gateway.nfs.nsm.NsmProgram;
import io.dittofs.gateway.nfs.nsm.NsmState;
import io.dittofs.gateway.rpc.RpcClient;
import io.dittofs.gateway.rpc.callback.RpcConnector;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * NLM v1/v3/v4 and NSM on the NFS port (unless dittofs.nlm.enabled=false): their RpcProgram beans
 * join the NFS listener's registry and so the portmapper's answers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NlmProperties.class)
@ConditionalOnProperty(prefix = "dittofs.nlm", name = "enabled", havingValue = "true", matchIfMissing = true)
public class NlmConfiguration {

    @Bean
    public NlmHosts nlmHosts(LockManager locks) {
        return new NlmHosts(locks);
    }

    @Bean
    public NlmShares nlmShares() {
        return new NlmShares();
    }

    @Bean(destroyMethod = "close")
    public RpcConnector nlmConnector(NfsProperties nfs) {
        return RpcConnector.standalone(nfs.maxRecordBytes(), nfs.callbackTimeout());
    }

    @Bean
    public NlmCallbacks nlmCallbacks(RpcConnector nlmConnector, NlmProperties props) {
        return new NlmCallbacks(a -> nlmConnector.connect(a).thenApply(c -> (RpcClient) c), props.callbackPortmapPort());
    }

    @Bean
    public NlmProgram nlmProgram(LockManager locks, NlmHosts hosts, NlmShares shares, NlmCallbacks callbacks,
                                 ShareGate gate, FileSystem fs, LockEventRouter events) {
        HandleAccess access = new HandleAccess(gate, fs);
        // an exclusive lock needs a file the caller could write (knfsd opens it for writing): ROFS on a read-only share
        NlmFiles files = (ctx, fh, write) -> access.check(fh, ctx.remote().getAddress(), Principals.of(ctx),
                write ? Intent.MODIFY : Intent.READ);
        events.add(new NlmGrants(hosts, locks, callbacks));
        return new NlmProgram(locks, hosts, files, shares, callbacks);
    }

    @Bean
    public NsmProgram nsmProgram(NlmHosts hosts, NlmShares shares) {
        return new NsmProgram(new NsmState(System.currentTimeMillis() / 1000),
                host -> hosts.release(host).ifPresent(shares::forget));
    }
}
