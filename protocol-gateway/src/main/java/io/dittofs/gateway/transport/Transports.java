package io.dittofs.gateway.transport;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that picks Netty's I/O implementation: the native epoll transport on Linux x86-64
 * (fewer system calls and cheaper event-loop wake-ups than NIO, measured in docs/benchmarks.md),
 * NIO anywhere else or when {@code -Ddittofs.transport.nio=true} asks for it. Every channel of one
 * event-loop group must come from the same choice, so listeners, UDP and outbound callback
 * connections all ask here.
 */
public final class Transports {

    private static final Logger log = LoggerFactory.getLogger(Transports.class);
    private static final boolean EPOLL = !Boolean.getBoolean("dittofs.transport.nio") && available();

    private Transports() {
    }

    private static boolean available() {
        try {
            if (Epoll.isAvailable()) {
                return true;
            }
            log.info("native epoll transport unavailable ({}); using NIO", Epoll.unavailabilityCause().toString());
        } catch (LinkageError e) {
            log.info("native epoll transport unavailable ({}); using NIO", e.toString());
        }
        return false;
    }

    /** True when channels use the native epoll transport. */
    public static boolean nativeEpoll() {
        return EPOLL;
    }

    public static IoHandlerFactory ioHandlerFactory() {
        return EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    public static Class<? extends ServerSocketChannel> serverSocketChannel() {
        return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public static Class<? extends SocketChannel> socketChannel() {
        return EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    public static Class<? extends DatagramChannel> datagramChannel() {
        return EPOLL ? EpollDatagramChannel.class : NioDatagramChannel.class;
    }
}
