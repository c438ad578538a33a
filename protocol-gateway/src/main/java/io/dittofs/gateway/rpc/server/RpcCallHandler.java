package io.dittofs.gateway.rpc.server;

import io.dittofs.contracts.grpc.NonBlocking;
import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.Credential;
import io.dittofs.gateway.rpc.RpcClient;
import io.dittofs.gateway.rpc.RpcDispatcher;
import io.dittofs.gateway.rpc.RpcMessage;
import io.dittofs.gateway.rpc.RpcReplies;
import io.dittofs.gateway.transport.Connection;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One per TCP connection, last in the RPC pipeline. The event loop answers NULL calls itself
 * ({@link RpcDispatcher#trivial}, dittofs.rpc.inline-null) and tries reads that cannot block
 * itself ({@link RpcDispatcher#inlinable}, dittofs.rpc.inline-reads): those run under
 * {@link NonBlocking}, where every step answers from memory or throws {@link NonBlocking.WouldBlock}
 * rather than wait, so the event loop never blocks (architecture principle 6); a read that would
 * block is discarded and handed off like any other call, exactly once. Every other CALL goes to a
 * virtual thread; the reply comes back to the event loop in one task that also settles the
 * connection's in-flight count and byte budget, so replies leave in any order with one hand-off
 * each. The transport {@link Connection} stops reading at the in-flight cap, while replies are not
 * consumed, or when the listener's byte budget is used up. Calls are answered on the event loop
 * only while nothing is unsent on the connection, so a peer that never reads meets those limits.
 */
public final class RpcCallHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(RpcCallHandler.class);

    private final RpcDispatcher dispatcher;
    private final Executor executor;
    private final Connection connection;
    private final RpcClient backchannel;
    private CallContext peer;

    public RpcCallHandler(RpcDispatcher dispatcher, Executor executor, Connection connection, RpcClient backchannel) {
        this.dispatcher = dispatcher;
        this.executor = executor;
        this.connection = connection;
        this.backchannel = backchannel;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        peer = new CallContext((InetSocketAddress) ctx.channel().remoteAddress(),
                (InetSocketAddress) ctx.channel().localAddress(), new Credential.None(), true, backchannel);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        switch (msg) {
            case RpcMessage.Call call -> submit(ctx, call);
            case RpcMessage.Refused r -> connection.writeAndFlush(ctx, RpcReplies.refusal(ctx.alloc(), r));
            default -> {
                // nothing else is meaningful after the message decoder and the reply router
                ReferenceCountUtil.release(msg);
            }
        }
    }

    private void submit(ChannelHandlerContext ctx, RpcMessage.Call call) {
        // answered here only while no earlier reply waits unsent: otherwise the call takes the
        // counted path, so the in-flight cap and the slow-reader deadline hold for a peer that
        // sends calls and never reads
        if (dispatcher.answersOnEventLoop(call) && nothingUnsent(ctx)) {
            // a hand-off to a virtual thread and back would cost more than the NULL itself
            answerInline(ctx, call);
            return;
        }
        if (dispatcher.inlinable(call) && nothingUnsent(ctx) && answeredWithoutBlocking(ctx, call)) {
            return;
        }
        int size = call.size();
        connection.requestStarted();
        connection.buffered(size);
        try {
            executor.execute(() -> run(ctx, call, size));
        } catch (RejectedExecutionException e) {
            // shutting down: the call is dropped, the client retransmits elsewhere or later
            call.release();
            finish(ctx, null, size);
        }
    }

    private static boolean nothingUnsent(ChannelHandlerContext ctx) {
        var ch = ctx.channel();
        return ch.bytesBeforeUnwritable() >= ch.config().getWriteBufferHighWaterMark();
    }

    private void answerInline(ChannelHandlerContext ctx, RpcMessage.Call call) {
        ByteBuf reply = null;
        try {
            reply = dispatcher.handle(ctx.alloc(), peer, call);
        } catch (RuntimeException e) {
            log.error("call xid {} from {} failed", call.xid(), peer.clientAddress(), e);
        } finally {
            call.release();
        }
        if (reply != null) {
            connection.writeAndFlush(ctx, reply);
        }
    }

    /**
     * Runs the call on this event loop under {@link NonBlocking}. True when it was answered (the
     * call is released, the reply sent); false when some step would have blocked: the partial
     * reply is released and the call is left as it came (arguments rewound) for the ordinary path.
     */
    private boolean answeredWithoutBlocking(ChannelHandlerContext ctx, RpcMessage.Call call) {
        int argsAt = call.args().readerIndex();
        ByteBuf reply = null;
        boolean blocked;
        try (NonBlocking.Scope scope = NonBlocking.enter()) {
            reply = dispatcher.handle(ctx.alloc(), peer, call);
            // a layer between the store and here may have made an error answer of the signal
            blocked = scope.blocked();
        } catch (NonBlocking.WouldBlock e) {
            blocked = true;
        } catch (RuntimeException e) {
            log.error("call xid {} from {} failed", call.xid(), peer.clientAddress(), e);
            dispatcher.metrics().inline(true);
            call.release();
            return true;
        }
        dispatcher.metrics().inline(!blocked);
        if (blocked) {
            ReferenceCountUtil.release(reply);
            call.args().readerIndex(argsAt);
            return false;
        }
        call.release();
        if (reply != null) {
            connection.writeAndFlush(ctx, reply);
        }
        return true;
    }

    private void run(ChannelHandlerContext ctx, RpcMessage.Call call, int size) {
        ByteBuf reply = null;
        try {
            reply = dispatcher.handle(ctx.alloc(), peer, call);
        } catch (RuntimeException e) {
            log.error("call xid {} from {} failed", call.xid(), peer.clientAddress(), e);
        } finally {
            call.release();
        }
        ByteBuf r = reply;
        try {
            ctx.executor().execute(() -> finish(ctx, r, size));
        } catch (RejectedExecutionException e) {
            ReferenceCountUtil.release(r);
        }
    }

    private void finish(ChannelHandlerContext ctx, ByteBuf reply, int size) {
        connection.buffered(-size);
        connection.requestFinished();
        if (reply != null) {
            connection.writeAndFlush(ctx, reply);
        }
    }
}
