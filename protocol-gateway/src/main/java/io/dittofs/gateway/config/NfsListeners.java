package io.dittofs.gateway.config;

import io.dittofs.contracts.grpc.VirtualThreadExecutor;
import io.dittofs.gateway.rpc.RpcDispatcher;
import io.dittofs.gateway.rpc.server.RpcServer;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The gateway's Netty listeners, opened only when the context is ready (after the services it
 * calls are hosted) and closed first on shutdown, before the stores behind the services.
 */
public final class NfsListeners implements SmartLifecycle {

    /** Late start, early stop: after gRPC hosts (lower phases) and before them on shutdown. */
    public static final int PHASE = io.dittofs.gateway.lifecycle.Phases.LISTENERS;
    private static final Logger log = LoggerFactory.getLogger(NfsListeners.class);

    private final NfsProperties props;
    private final RpcDispatcher all;
    private final RpcDispatcher portmapOnly;
    private volatile ExecutorService executor;
    private volatile RpcServer nfs;
    private volatile RpcServer portmap;

    public NfsListeners(NfsProperties props, RpcDispatcher all, RpcDispatcher portmapOnly) {
        this.props = props;
        this.all = all;
        this.portmapOnly = portmapOnly;
    }

    @Override
    public synchronized void start() {
        executor = new VirtualThreadExecutor();
        RpcServer.Settings s = new RpcServer.Settings(props.maxRecordBytes(), props.udp(), props.callbackTimeout(),
                props.transport());
        nfs = RpcServer.start(props.bindAddress(), props.port(), all, executor, s);
        log.info("NFSv3, MOUNT v3 and portmapper listening on {}:{} (tcp{})", props.bindAddress(), nfs.port(),
                props.udp() ? "+udp" : "");
        if (props.portmapPort() != 0) {
            try {
                portmap = RpcServer.start(props.bindAddress(), props.portmapPort(), portmapOnly, executor, s);
            } catch (RuntimeException e) {
                nfs.close();
                nfs = null;
                throw new IllegalStateException("dittofs.nfs.portmap-port=" + props.portmapPort()
                        + " cannot be opened (ports below 1024 need root); set DITTOFS_PORTMAP_PORT=0 to turn it off", e);
            }
            log.info("portmapper also listening on {}:{}", props.bindAddress(), portmap.port());
        }
    }

    @Override
    public synchronized void stop() {
        if (portmap != null) {
            portmap.close();
        }
        if (nfs != null) {
            nfs.close();
        }
        portmap = null;
        nfs = null;
        if (executor != null) {
            executor.shutdown();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return nfs != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** The NFS listener (its port, transport metrics, connector to clients), or null when not running. */
    public RpcServer server() {
        return nfs;
    }

    /** The bound NFS port (useful with port 0), or -1 when not running. */
    public int port() {
        RpcServer s = nfs;
        return s == null ? -1 : s.port();
    }
}
