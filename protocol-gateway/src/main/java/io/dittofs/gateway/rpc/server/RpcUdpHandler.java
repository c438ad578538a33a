package io.dittofs.gateway.rpc.server;

import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.Credential;
import io.dittofs.gateway.rpc.RpcDispatcher;
import io.dittofs.gateway.rpc.RpcMessage;
import io.dittofs.gateway.rpc.RpcMessages;
import io.dittofs.gateway.rpc.RpcReplies;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RPC over UDP: one datagram is one message (no record marking). Same hand-off as TCP: at most
 * {@code maxInFlight} calls run at once, beyond that the socket is not read (the kernel drops
 * datagrams and clients retransmit); a failing call is logged and answers nothing.
 */
public final class RpcUdpHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger log = LoggerFactory.getLogger(RpcUdpHandler.class);

    private final RpcDispatcher dispatcher;
    private final Executor executor;
    private final int maxInFlight;
    private int inFlight;

    public RpcUdpHandler(RpcDispatcher dispatcher, Executor executor, int maxInFlight) {
        super(false);
        this.dispatcher = dispatcher;
        this.executor = executor;
        this.maxInFlight = maxInFlight;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf content = packet.content();
        switch (RpcMessages.decode(content)) {
            case RpcMessage.Call call -> submit(ctx, packet, call);
            case RpcMessage.Refused r -> {
                packet.release();
                ctx.writeAndFlush(new DatagramPacket(RpcReplies.refusal(ctx.alloc(), r), packet.sender()));
            }
            default -> packet.release();
        }
    }

    private void submit(ChannelHandlerContext ctx, DatagramPacket packet, RpcMessage.Call call) {
        if (++inFlight >= maxInFlight) {
            ctx.channel().config().setAutoRead(false);
        }
        CallContext peer = new CallContext(packet.sender(), packet.recipient(), new Credential.None(), false, null);
        try {
            executor.execute(() -> run(ctx, peer, call));
        } catch (RejectedExecutionException e) {
            call.release();
            finish(ctx, null, peer.remote());
        }
    }

    private void run(ChannelHandlerContext ctx, CallContext peer, RpcMessage.Call call) {
        ByteBuf reply = null;
        try {
            reply = dispatcher.handle(ctx.alloc(), peer, call);
        } catch (RuntimeException e) {
            log.error("UDP call xid {} from {} failed", call.xid(), peer.clientAddress(), e);
        } finally {
            call.release();
        }
        ByteBuf r = reply;
        try {
            ctx.executor().execute(() -> finish(ctx, r, peer.remote()));
        } catch (RejectedExecutionException e) {
            ReferenceCountUtil.release(r);
        }
    }

    private void finish(ChannelHandlerContext ctx, ByteBuf reply, InetSocketAddress to) {
        if (inFlight-- >= maxInFlight) {
            ctx.channel().config().setAutoRead(true);
        }
        if (reply != null) {
            ctx.writeAndFlush(new DatagramPacket(reply, to));
        }
    }
}
