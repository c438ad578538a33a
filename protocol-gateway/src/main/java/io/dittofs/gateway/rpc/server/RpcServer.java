package io.dittofs.gateway.rpc.server;

import io.dittofs.gateway.rpc.RpcDispatcher;
import io.dittofs.gateway.rpc.callback.ChannelRpcClient;
import io.dittofs.gateway.rpc.callback.ReplyRouter;
import io.dittofs.gateway.rpc.callback.RpcConnector;
import io.dittofs.gateway.rpc.codec.RecordMarkingDecoder;
import io.dittofs.gateway.rpc.codec.RecordMarkingEncoder;
import io.dittofs.gateway.rpc.codec.RpcMessageDecoder;
import io.dittofs.gateway.transport.TcpListener;
import io.dittofs.gateway.transport.TransportMetrics;
import io.dittofs.gateway.transport.TransportSettings;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.dittofs.gateway.transport.Transports;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * One RPC dispatcher served on one address: a {@link TcpListener} whose connections run the RPC
 * pipeline (record marking decoder and encoder, message decoder, reply router for the
 * backchannel, call handler), plus UDP on the same port when enabled.
 */
public final class RpcServer implements AutoCloseable {

    /**
     * @param callbackTimeout how long a call to the client (backchannel or connector) waits for its reply
     */
    public record Settings(int maxRecordBytes, boolean udp, Duration callbackTimeout, TransportSettings transport) {
    }

    private final TcpListener tcp;
    private final Channel udp;
    private final RpcConnector connector;

    private RpcServer(TcpListener tcp, Channel udp, RpcConnector connector) {
        this.tcp = tcp;
        this.udp = udp;
        this.connector = connector;
    }

    /** Binds TCP (and UDP on the same port when enabled); port 0 picks a free port. */
    public static RpcServer start(String host, int port, RpcDispatcher dispatcher, ExecutorService executor, Settings s) {
        TcpListener tcp = TcpListener.bind(host, port, s.transport(), (ch, conn) -> {
            ChannelRpcClient backchannel = new ChannelRpcClient(ch, s.callbackTimeout());
            ch.pipeline().addLast(new RecordMarkingDecoder(s.maxRecordBytes()), RecordMarkingEncoder.INSTANCE,
                    RpcMessageDecoder.INSTANCE, new ReplyRouter(backchannel, true),
                    new RpcCallHandler(dispatcher, executor, conn, backchannel));
        });
        Channel udp = null;
        if (s.udp()) {
            try {
                udp = new Bootstrap().group(tcp.eventLoops()).channel(Transports.datagramChannel())
                        .handler(new RpcUdpHandler(dispatcher, executor, s.transport().maxInFlightPerConnection()))
                        .bind(new InetSocketAddress(host, tcp.port())).syncUninterruptibly().channel();
            } catch (RuntimeException e) {
                tcp.close();
                throw new IllegalStateException("cannot listen on udp " + host + ":" + tcp.port() + ": " + e.getMessage(), e);
            }
        }
        return new RpcServer(tcp, udp, new RpcConnector(tcp.eventLoops(), s.maxRecordBytes(), s.callbackTimeout()));
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

    /** Opens connections to clients' RPC services on this server's event loops. */
    public RpcConnector connector() {
        return connector;
    }

    @Override
    public void close() {
        if (udp != null) {
            udp.close().syncUninterruptibly();
        }
        tcp.close();
    }
}
