package io.dittofs.contracts.grpc;

import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.LinkOption;

/**
 * Unix-domain sockets for co-located services ({@code unix:PATH}). gRPC's Netty transport already
 * picks the native epoll transport for TCP when it loads (and NIO otherwise); for domain sockets
 * the channel type and its event loops must be given, so this class chooses them the same way:
 * epoll's domain sockets when the native library loads, the JDK's (NIO, Java 16+) otherwise, or
 * when {@code -Ddittofs.transport.nio=true} (the gateway's switch, see its {@code Transports}).
 * The event loops are shared by every channel and server of the JVM, daemon threads, created on
 * first use.
 */
final class SocketTransport {

    private static final boolean EPOLL = !Boolean.getBoolean("dittofs.transport.nio") && Epoll.isAvailable();

    private SocketTransport() {
    }

    static {
        // gRPC's shaded Netty samples buffer allocations for leak tracking unless told otherwise: a
        // stack trace per sampled 1 MiB answer (1-2 % of a block-service's event loop under nfs-cp).
        // Either property (the shaded or the plain name) still turns it on.
        if (System.getProperty("io.grpc.netty.shaded.io.netty.leakDetection.level") == null
                && System.getProperty("io.netty.leakDetection.level") == null) {
            io.grpc.netty.shaded.io.netty.util.ResourceLeakDetector.setLevel(
                    io.grpc.netty.shaded.io.netty.util.ResourceLeakDetector.Level.DISABLED);
        }
    }

    /** Loads this class (its static set-up) before a socket channel or server is built. */
    static void init() {
    }

    /** The path of {@code unix:PATH}, checked. */
    static Path path(String target) {
        String p = target.substring(ServiceChannels.UNIX_PREFIX.length());
        if (p.startsWith("//")) {
            p = p.substring(2); // unix:///abs/path, gRPC's URI spelling
        }
        if (p.isBlank()) {
            throw new IllegalArgumentException("unix target needs a socket path, e.g. unix:/run/dittofs/metadata.sock (got '" + target + "')");
        }
        return Path.of(p);
    }

    static NettyChannelBuilder channel(Path path) {
        return NettyChannelBuilder.forAddress(address(path))
                .channelType(EPOLL ? EpollDomainSocketChannel.class : NioDomainSocketChannel.class)
                .eventLoopGroup(Loops.GROUP);
    }

    /**
     * A server on the socket file at {@code path}. A socket file left by a process that died is
     * removed first (binding would fail on it); any other kind of file there is an error. Access
     * is the file system's: put the socket in a directory only the services' user can enter.
     */
    static NettyServerBuilder server(Path path) {
        try {
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!a.isOther()) {
                    throw new IllegalArgumentException("cannot listen on unix:" + path + ": a file that is not a socket is there");
                }
                Files.delete(path);
            }
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare unix:" + path + ": " + e.getMessage(), e);
        }
        return NettyServerBuilder.forAddress(address(path))
                .channelType(EPOLL ? EpollServerDomainSocketChannel.class : NioServerDomainSocketChannel.class)
                .bossEventLoopGroup(Loops.GROUP)
                .workerEventLoopGroup(Loops.GROUP);
    }

    private static SocketAddress address(Path path) {
        return EPOLL ? new DomainSocketAddress(path.toString()) : UnixDomainSocketAddress.of(path);
    }

    /** Holder: the loops start only when a unix target is used. */
    private static final class Loops {
        static final EventLoopGroup GROUP = EPOLL
                ? new EpollEventLoopGroup(threads(), new DefaultThreadFactory("grpc-unix", true))
                : new NioEventLoopGroup(threads(), new DefaultThreadFactory("grpc-unix", true));

        private static int threads() {
            return Math.max(2, Runtime.getRuntime().availableProcessors());
        }
    }
}
