package io.dittofs.gateway.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport's handlers around a protocol's pipeline: {@link Head} (first) starts the
 * connection's timers and turns writability changes into read pauses; {@link Tail} (last) closes
 * the connection on any error that reached it.
 */
final class ConnectionGuard {

    private static final Logger log = LoggerFactory.getLogger(ConnectionGuard.class);

    private ConnectionGuard() {
    }

    static final class Head extends ChannelInboundHandlerAdapter {
        private final Connection connection;

        Head(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            connection.start();
            ctx.fireChannelActive();
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            connection.writabilityChanged();
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            connection.closed();
            ctx.fireChannelInactive();
        }
    }

    static final class Tail extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof IOException || cause.getCause() instanceof IOException) {
                // resets and broken pipes are how clients leave; not worth more than a debug line
                log.debug("connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
            } else {
                log.info("closing connection {}: {}", ctx.channel().remoteAddress(), cause.toString());
            }
            ctx.close();
        }
    }
}
