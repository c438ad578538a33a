package io.dittofs.gateway.rpc.callback;

import io.dittofs.gateway.rpc.codec.RecordMarkingDecoder;
import io.dittofs.gateway.rpc.codec.RecordMarkingEncoder;
import io.dittofs.gateway.rpc.codec.RpcMessageDecoder;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.dittofs.gateway.transport.Transports;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Opens TCP connections to RPC services of clients (NFSv4.0 callback service, the NLM of a
 * client for GRANTED) and returns a {@link ChannelRpcClient} over each. Replies are bounded by
 * {@code maxRecordBytes} like requests on the server side.
 */
public final class RpcConnector implements AutoCloseable {

    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final int maxRecordBytes;
    private final Duration timeout;

    /** Uses {@code group} (e.g. the server's event loops); closing the connector leaves it running. */
    public RpcConnector(EventLoopGroup group, int maxRecordBytes, Duration timeout) {
        this(group, false, maxRecordBytes, timeout);
    }

    private RpcConnector(EventLoopGroup group, boolean ownsGroup, int maxRecordBytes, Duration timeout) {
        this.group = group;
        this.ownsGroup = ownsGroup;
        this.maxRecordBytes = maxRecordBytes;
        this.timeout = timeout;
    }

    /** A connector with its own single event loop. */
    public static RpcConnector standalone(int maxRecordBytes, Duration timeout) {
        return new RpcConnector(new MultiThreadIoEventLoopGroup(1, Transports.ioHandlerFactory()), true, maxRecordBytes, timeout);
    }

    /** Connects to {@code address}; the client's calls time out after the connector's timeout. */
    public CompletableFuture<ChannelRpcClient> connect(InetSocketAddress address) {
        CompletableFuture<ChannelRpcClient> result = new CompletableFuture<>();
        ChannelFuture f = new Bootstrap().group(group).channel(Transports.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelRpcClient client = new ChannelRpcClient(ch, timeout);
                        ch.pipeline().addLast(new RecordMarkingDecoder(maxRecordBytes), RecordMarkingEncoder.INSTANCE,
                                RpcMessageDecoder.INSTANCE, new ReplyRouter(client, false), new CloseOnError());
                        ch.attr(CloseOnError.CLIENT).set(client);
                    }
                })
                .connect(address);
        f.addListener(done -> {
            if (done.isSuccess()) {
                result.complete(f.channel().attr(CloseOnError.CLIENT).get());
            } else {
                result.completeExceptionally(done.cause());
            }
        });
        return result;
    }

    @Override
    public void close() {
        if (ownsGroup) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static final class CloseOnError extends ChannelInboundHandlerAdapter {
        static final io.netty.util.AttributeKey<ChannelRpcClient> CLIENT =
                io.netty.util.AttributeKey.valueOf("dittofs.rpc.outbound-client");

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
