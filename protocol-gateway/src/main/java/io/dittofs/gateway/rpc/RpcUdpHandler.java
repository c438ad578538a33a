package io.dittofs.gateway.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.util.concurrent.ExecutorService;

/** RPC over UDP: one datagram is one call (no record marking). Used by portmap and MOUNT clients. */
public final class RpcUdpHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private final RpcDispatcher dispatcher;
    private final ExecutorService executor;

    public RpcUdpHandler(RpcDispatcher dispatcher, ExecutorService executor) {
        super(false);
        this.dispatcher = dispatcher;
        this.executor = executor;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf record = packet.content();
        CallHeader.Result header = CallHeader.decode(record);
        ByteBuf immediate = switch (header) {
            case CallHeader.Drop d -> null;
            case CallHeader.VersionMismatch vm -> RpcReplies.rpcMismatch(ctx.alloc(), vm.xid());
            case CallHeader.AuthError ae -> RpcReplies.authError(ctx.alloc(), ae.xid(), ae.stat());
            case CallHeader.Ok ok -> {
                CallContext cc = new CallContext(packet.sender(), ok.call().credential(), false);
                executor.execute(() -> {
                    try {
                        ByteBuf reply = dispatcher.dispatch(ctx.alloc(), cc, ok.call());
                        if (reply != null) {
                            ctx.writeAndFlush(new DatagramPacket(reply, packet.sender()));
                        }
                    } finally {
                        packet.release();
                    }
                });
                yield null;
            }
        };
        if (!(header instanceof CallHeader.Ok)) {
            packet.release();
            if (immediate != null) {
                ctx.writeAndFlush(new DatagramPacket(immediate, packet.sender()));
            }
        }
    }
}
