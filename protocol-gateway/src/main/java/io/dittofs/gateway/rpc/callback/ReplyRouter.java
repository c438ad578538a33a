package io.dittofs.gateway.rpc.callback;

import io.dittofs.gateway.rpc.RpcMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands REPLY messages to the connection's {@link ChannelRpcClient}; CALLs pass on to the call
 * handler, or are dropped on a connection that only makes calls.
 */
public final class ReplyRouter extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(ReplyRouter.class);
    private final ChannelRpcClient client;
    private final boolean passCalls;

    public ReplyRouter(ChannelRpcClient client, boolean passCalls) {
        this.client = client;
        this.passCalls = passCalls;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        switch (msg) {
            case RpcMessage.Reply r -> {
                try {
                    if (!client.deliver(r)) {
                        log.debug("reply xid {} from {} matches no call", r.xid(), ctx.channel().remoteAddress());
                    }
                } finally {
                    r.release();
                }
            }
            case RpcMessage.Call c when !passCalls -> c.release();
            case RpcMessage.Refused r when !passCalls -> {
            }
            default -> ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        client.closed();
        ctx.fireChannelInactive();
    }
}
