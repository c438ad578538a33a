package io.dittofs.gateway.config;

import io.dittofs.contracts.grpc.VirtualThreadExecutor;
import io.dittofs.gateway.access.ShareGate;
import io.dittofs.gateway.share.ShareRegistry;
import io.dittofs.gateway.smb.auth.NtHashSource;
import io.dittofs.gateway.smb.crypto.CryptoWarmup;
import io.dittofs.gateway.smb.server.SmbServer;
import io.dittofs.gateway.smb.server.SmbServerSettings;
import io.dittofs.gateway.metrics.ProtocolOps;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** The SMB listener, opened when the context is ready and closed first on shutdown (like the NFS listeners). */
public final class SmbListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SmbListener.class);

    private final SmbProperties props;
    private final SmbServerSettings settings;
    private final NtHashSource users;
    private final ShareRegistry shares;
    private final ShareGate gate;
    private final ProtocolOps ops;
    private final java.util.function.Supplier<io.dittofs.gateway.smb.server.SmbCommands> files;
    private volatile ExecutorService executor;
    private volatile SmbServer server;

    public SmbListener(SmbProperties props, SmbServerSettings settings, NtHashSource users, ShareRegistry shares,
                       ShareGate gate) {
        this(props, settings, users, shares, gate, ProtocolOps.DISABLED, () -> io.dittofs.gateway.smb.server.SmbCommands.NONE);
    }

    /** @param files builds each connection's file commands (the disk trees) */
    public SmbListener(SmbProperties props, SmbServerSettings settings, NtHashSource users, ShareRegistry shares,
                       ShareGate gate, ProtocolOps ops,
                       java.util.function.Supplier<io.dittofs.gateway.smb.server.SmbCommands> files) {
        this.ops = ops;
        this.files = files;
        this.props = props;
        this.settings = settings;
        this.users = users;
        this.shares = shares;
        this.gate = gate;
    }

    @Override
    public synchronized void start() {
        executor = new VirtualThreadExecutor();
        try {
            server = SmbServer.start(props.bindAddress(), props.port(), settings, users, shares, gate, executor, files, ops);
        } catch (RuntimeException e) {
            executor.shutdown();
            throw new IllegalStateException("dittofs.smb.port=" + props.port() + " cannot be opened (445 needs root; "
                    + "set DITTOFS_SMB_PORT, or dittofs.smb.enabled=false)", e);
        }
        log.info("SMB2/3 listening on {}:{} (signing {})", props.bindAddress(), server.port(),
                props.signingRequired() ? "required" : "enabled");
        CryptoWarmup.startInBackground();
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
        if (executor != null) {
            executor.shutdown();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    @Override
    public int getPhase() {
        return io.dittofs.gateway.lifecycle.Phases.LISTENERS;
    }

    /** The bound port (useful with port 0), or -1 when not running. */
    public int port() {
        SmbServer s = server;
        return s == null ? -1 : s.port();
    }
}
