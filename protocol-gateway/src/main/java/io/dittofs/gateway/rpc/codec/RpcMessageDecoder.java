package io.dittofs.gateway.rpc.codec;

import io.dittofs.gateway.rpc.RpcMessage;
import io.dittofs.gateway.rpc.RpcMessages;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whole records in, {@link RpcMessage}s (CALL, REPLY or a refused CALL) out; records that are no
 * RPC message are dropped here. Decoding is {@link RpcMessages#decode}: pure and bounded.
 */
@ChannelHandler.Sharable
public final class RpcMessageDecoder extends ChannelInboundHandlerAdapter {

    public static final RpcMessageDecoder INSTANCE = new RpcMessageDecoder();
    private static final Logger log = LoggerFactory.getLogger(RpcMessageDecoder.class);

    private RpcMessageDecoder() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf record)) {
            ctx.fireChannelRead(msg);
            return;
        }
        switch (RpcMessages.decode(record)) {
            case RpcMessage m -> {
                if (m instanceof RpcMessage.Refused) {
                    record.release();
                }
                ctx.fireChannelRead(m);
            }
            case RpcMessages.Garbage g -> {
                record.release();
                log.debug("dropping record from {}: {}", ctx.channel().remoteAddress(), g.reason());
            }
        }
    }
}
