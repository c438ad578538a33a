package io.dittofs.gateway.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A TCP listener for any framed protocol: binds, admits connections under the caps of
 * {@link TransportSettings}, and gives each accepted connection a {@link Connection} (timers,
 * read pauses, byte budget) before the protocol's {@link PipelineInitializer} adds its codec.
 */
public final class TcpListener implements AutoCloseable {

    /** Adds a protocol's handlers to an admitted connection's pipeline. */
    @FunctionalInterface
    public interface PipelineInitializer {
        void init(SocketChannel channel, Connection connection);
    }

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel server;
    private final TransportMetrics metrics;

    private TcpListener(EventLoopGroup boss, EventLoopGroup workers, Channel server, TransportMetrics metrics) {
        this.boss = boss;
        this.workers = workers;
        this.server = server;
        this.metrics = metrics;
    }

    /** Binds {@code host:port} (0 = any free port). */
    public static TcpListener bind(String host, int port, TransportSettings s, PipelineInitializer init) {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, Transports.ioHandlerFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(0, Transports.ioHandlerFactory());
        ConnectionAdmission admission = new ConnectionAdmission(s.maxConnections(), s.maxConnectionsPerAddress(),
                s.reservedConnections());
        ByteBudget budget = new ByteBudget(s.maxBufferedBytes());
        TransportMetrics metrics = new TransportMetrics(admission, budget);
        int high = s.maxUnsentBytesPerConnection();
        try {
            Channel server = new ServerBootstrap().group(boss, workers).channel(Transports.serverSocketChannel())
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(high / 2, high))
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            InetAddress peer = ch.remoteAddress().getAddress();
                            if (!admission.admit(peer)) {
                                // beyond a cap a client gets a closed socket, not a share of memory
                                metrics.refused.increment();
                                ch.close();
                                return;
                            }
                            metrics.accepted.increment();
                            Connection conn = new Connection(ch, s, budget, metrics);
                            ch.attr(Connection.KEY).set(conn);
                            ch.closeFuture().addListener(f -> {
                                admission.release(peer);
                                conn.closed();
                            });
                            ch.pipeline().addLast("transport-head", new ConnectionGuard.Head(conn));
                            init.init(ch, conn);
                            ch.pipeline().addLast("transport-tail", new ConnectionGuard.Tail());
                        }
                    })
                    .bind(new InetSocketAddress(host, port)).syncUninterruptibly().channel();
            return new TcpListener(boss, workers, server, metrics);
        } catch (RuntimeException e) {
            boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) server.localAddress();
    }

    public int port() {
        return localAddress().getPort();
    }

    /** The event loops of accepted connections; other channels of the same server (UDP, outbound) may share them. */
    public EventLoopGroup eventLoops() {
        return workers;
    }

    public TransportMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
