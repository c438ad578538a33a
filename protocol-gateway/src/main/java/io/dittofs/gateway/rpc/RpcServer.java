package io.dittofs.gateway.rpc;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Netty listeners (TCP + UDP) serving one dispatcher on one address. */
public final class RpcServer implements AutoCloseable {

    public record Settings(int maxRecordBytes, int maxInFlightPerConnection, Duration idleTimeout, boolean udp,
                           int maxConnections) {
    }

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final List<Channel> channels = new ArrayList<>();
    private final int port;

    private RpcServer(EventLoopGroup boss, EventLoopGroup workers, int port) {
        this.boss = boss;
        this.workers = workers;
        this.port = port;
    }

    /** Binds TCP (and UDP on the same port when enabled); port 0 picks a free port. */
    public static RpcServer start(String host, int port, RpcDispatcher dispatcher, ExecutorService executor, Settings s) {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory());
        AtomicInteger open = new AtomicInteger();
        try {
            Channel tcp = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            if (open.incrementAndGet() > s.maxConnections()) {
                                // beyond the cap a client gets a closed socket, not a share of memory
                                open.decrementAndGet();
                                ch.close();
                                return;
                            }
                            ch.closeFuture().addListener(f -> open.decrementAndGet());
                            ch.pipeline().addLast(
                                    new IdleStateHandler(0, 0, s.idleTimeout().toMillis(), TimeUnit.MILLISECONDS),
                                    new RecordMarkingDecoder(s.maxRecordBytes()),
                                    new RpcTcpHandler(dispatcher, executor, s.maxInFlightPerConnection()));
                        }
                    })
                    .bind(new InetSocketAddress(host, port)).syncUninterruptibly().channel();
            int bound = ((InetSocketAddress) tcp.localAddress()).getPort();
            RpcServer server = new RpcServer(boss, workers, bound);
            server.channels.add(tcp);
            if (s.udp()) {
                Channel udp = new Bootstrap().group(workers).channel(NioDatagramChannel.class)
                        .handler(new RpcUdpHandler(dispatcher, executor))
                        .bind(new InetSocketAddress(host, bound)).syncUninterruptibly().channel();
                server.channels.add(udp);
            }
            return server;
        } catch (RuntimeException e) {
            boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        channels.forEach(c -> c.close().syncUninterruptibly());
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
