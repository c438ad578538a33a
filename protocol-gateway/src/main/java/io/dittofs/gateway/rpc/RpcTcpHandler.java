package io.dittofs.gateway.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One per TCP connection. The event loop only decodes the call header; the call runs on a virtual
 * thread and its reply is written whenever it is ready, so replies leave in any order. When
 * {@code maxInFlight} calls are running the connection stops reading until one finishes, which
 * bounds the memory one client can pin.
 */
public final class RpcTcpHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(RpcTcpHandler.class);

    private final RpcDispatcher dispatcher;
    private final ExecutorService executor;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();

    public RpcTcpHandler(RpcDispatcher dispatcher, ExecutorService executor, int maxInFlight) {
        this.dispatcher = dispatcher;
        this.executor = executor;
        this.maxInFlight = maxInFlight;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf record = (ByteBuf) msg;
        CallHeader.Result header = CallHeader.decode(record);
        switch (header) {
            case CallHeader.Drop drop -> {
                record.release();
                log.debug("dropping record from {}: {}", ctx.channel().remoteAddress(), drop.reason());
            }
            case CallHeader.VersionMismatch vm -> {
                record.release();
                write(ctx, RpcReplies.rpcMismatch(ctx.alloc(), vm.xid()));
            }
            case CallHeader.AuthError ae -> {
                record.release();
                write(ctx, RpcReplies.authError(ctx.alloc(), ae.xid(), ae.stat()));
            }
            case CallHeader.Ok ok -> submit(ctx, record, ok.call());
        }
    }

    private void submit(ChannelHandlerContext ctx, ByteBuf record, RpcCall call) {
        if (inFlight.incrementAndGet() >= maxInFlight) {
            ctx.channel().config().setAutoRead(false);
        }
        CallContext cc = new CallContext((InetSocketAddress) ctx.channel().remoteAddress(), call.credential(), true);
        executor.execute(() -> {
            try {
                ByteBuf reply = dispatcher.dispatch(ctx.alloc(), cc, call);
                if (reply != null) {
                    write(ctx, reply);
                }
            } catch (RuntimeException e) {
                log.error("call xid {} from {} failed", call.xid(), cc.clientAddress(), e);
            } finally {
                record.release();
                if (inFlight.getAndDecrement() >= maxInFlight) {
                    ctx.channel().config().setAutoRead(true);
                    ctx.channel().eventLoop().execute(ctx::read);
                }
            }
        });
    }

    private static void write(ChannelHandlerContext ctx, ByteBuf reply) {
        ByteBuf mark = ctx.alloc().buffer(4).writeInt(0x80000000 | reply.readableBytes());
        // one write task per reply: from a virtual thread each write is a hand-off to the event loop
        ctx.writeAndFlush(ctx.alloc().compositeBuffer(2).addComponents(true, mark, reply));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent && inFlight.get() == 0) {
            log.debug("closing idle connection {}", ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof java.io.IOException) {
            // resets and broken pipes are how clients leave; not worth more than a debug line
            log.debug("connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            log.info("closing connection {}: {}", ctx.channel().remoteAddress(), cause.toString());
        }
        ctx.close();
    }
}
