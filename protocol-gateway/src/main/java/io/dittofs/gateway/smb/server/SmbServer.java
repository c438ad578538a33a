package io.dittofs.gateway.smb.server;

import io.dittofs.gateway.smb.transport.DirectTcpDecoder;
import io.dittofs.gateway.transport.TcpListener;
import io.dittofs.gateway.transport.TransportMetrics;
import java.net.InetSocketAddress;

/** The SMB2/3 server on one address: a {@link TcpListener} whose connections run direct-TCP framing and the SMB handler. */
public final class SmbServer implements AutoCloseable {

    private final TcpListener tcp;

    private SmbServer(TcpListener tcp) {
        this.tcp = tcp;
    }

    /** Binds {@code host:port}; port 0 picks a free port. */
    public static SmbServer start(String host, int port, SmbServerSettings s) {
        TcpListener tcp = TcpListener.bind(host, port, s.transport(), (ch, conn) ->
                ch.pipeline().addLast(new DirectTcpDecoder(s.maxFrameBytes()), new SmbFrameHandler(s)));
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
