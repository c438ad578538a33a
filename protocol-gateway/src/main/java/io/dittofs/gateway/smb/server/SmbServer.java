package io.dittofs.gateway.smb.server;

import io.dittofs.gateway.access.ShareGate;
import io.dittofs.gateway.metrics.ProtocolOps;
import io.dittofs.gateway.share.ShareRegistry;
import io.dittofs.gateway.smb.auth.NtHashSource;
import io.dittofs.gateway.smb.transport.DirectTcpDecoder;
import io.dittofs.gateway.transport.TcpListener;
import io.dittofs.gateway.transport.TransportMetrics;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

/** The SMB2/3 server on one address: a {@link TcpListener} whose connections run direct-TCP framing and the SMB handler. */
public final class SmbServer implements AutoCloseable {

    private final TcpListener tcp;

    private SmbServer(TcpListener tcp) {
        this.tcp = tcp;
    }

    /**
     * Binds {@code host:port}; port 0 picks a free port.
     *
     * @param executor runs SMB work off the event loop (virtual threads in the gateway)
     */
    public static SmbServer start(String host, int port, SmbServerSettings s, NtHashSource users, ShareRegistry shares,
                                  ShareGate gate, Executor executor) {
        return start(host, port, s, users, shares, gate, executor, () -> SmbCommands.NONE);
    }

    /**
     * As above, with the file commands: {@code files} builds each connection's {@link SmbCommands}
     * (disk trees; IPC$ and IOCTL are served by the server itself).
     */
    public static SmbServer start(String host, int port, SmbServerSettings s, NtHashSource users, ShareRegistry shares,
                                  ShareGate gate, Executor executor, java.util.function.Supplier<SmbCommands> files) {
        return start(host, port, s, users, shares, gate, executor, files, ProtocolOps.DISABLED);
    }

    /** As above, without file commands; every SMB2 command is timed and counted by {@code ops}. */
    public static SmbServer start(String host, int port, SmbServerSettings s, NtHashSource users, ShareRegistry shares,
                                  ShareGate gate, Executor executor, ProtocolOps ops) {
        return start(host, port, s, users, shares, gate, executor, () -> SmbCommands.NONE, ops);
    }

    /** With the file commands, every SMB2 command timed and counted by {@code ops}. */
    public static SmbServer start(String host, int port, SmbServerSettings s, NtHashSource users, ShareRegistry shares,
                                  ShareGate gate, Executor executor, java.util.function.Supplier<SmbCommands> files,
                                  ProtocolOps ops) {
        SessionRegistry registry = new SessionRegistry();
        TcpListener tcp = TcpListener.bind(host, port, s.transport(), (ch, conn) -> ch.pipeline().addLast(
                new DirectTcpDecoder(s.maxFrameBytes()),
                new SmbFrameHandler(s, users, shares, gate, executor, files, ops, registry)));
        return new SmbServer(tcp);
    }

    public int port() {
        return tcp.port();
    }

    public InetSocketAddress localAddress() {
        return tcp.localAddress();
    }

    public TransportMetrics metrics() {
        return tcp.metrics();
    }

    @Override
    public void close() {
        tcp.close();
    }
}
