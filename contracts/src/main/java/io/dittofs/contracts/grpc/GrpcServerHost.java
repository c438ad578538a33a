package io.dittofs.contracts.grpc;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerServiceDefinition;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts gRPC services on a listen address given as {@code in-process:NAME}, {@code HOST:PORT}
 * (port 0 = any free port) or {@code unix:PATH} (a Unix-domain socket). Calls run on virtual threads: handlers may block on their stores. In
 * process, a unary call runs on its caller's thread when that is virtual ({@link InlineOnVirtualThread});
 * on sockets, a unary call's method runs on one virtual thread and its other events on the event
 * loop ({@link OneHopDispatch}).
 */
public final class GrpcServerHost implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GrpcServerHost.class);

    /**
     * {@code -Ddittofs.grpc.server.one-hop=false} restores gRPC's default threading on socket
     * servers (every call event handed to a virtual thread, 3.5–5 hand-offs per unary call) instead
     * of {@link OneHopDispatch} (one): for A/B measurements and as a way back.
     */
    static final boolean ONE_HOP = !"false".equalsIgnoreCase(System.getProperty("dittofs.grpc.server.one-hop", "true"));

    private final Server server;
    /** The in-process name whose unary methods are called directly (DirectChannel), or null. */
    private final String direct;
    /** The Unix-domain socket file this server made, removed when it closes; or null. */
    private final Path socket;

    private GrpcServerHost(Server server, String direct, Path socket) {
        this.server = server;
        this.direct = direct;
        this.socket = socket;
    }

    /** Hosts the services with trace ids only (no meters, no slow-call lines). */
    public static GrpcServerHost start(String listen, List<? extends BindableService> services) {
        return start(listen, services, GrpcTelemetry.traceOnly());
    }

    /** Hosts the services; every call is observed by {@code telemetry} (trace id in the MDC, timers, slow calls). */
    public static GrpcServerHost start(String listen, List<? extends BindableService> services, GrpcTelemetry telemetry) {
        return start(listen, services, telemetry, ONE_HOP);
    }

    /** @param oneHop on sockets, {@link OneHopDispatch} (true) or gRPC's default threading (false) */
    static GrpcServerHost start(String listen, List<? extends BindableService> services, GrpcTelemetry telemetry,
                                boolean oneHop) {
        ServerBuilder<?> builder;
        Path socket = null;
        if (listen.startsWith(ServiceChannels.IN_PROCESS_PREFIX)) {
            builder = InProcessServerBuilder.forName(listen.substring(ServiceChannels.IN_PROCESS_PREFIX.length()));
        } else if (listen.startsWith(ServiceChannels.UNIX_PREFIX)) {
            socket = SocketTransport.path(listen);
            builder = SocketTransport.server(socket)
                    .flowControlWindow(ServiceChannels.FLOW_CONTROL_WINDOW)
                    .maxInboundMessageSize(ServiceChannels.MAX_MESSAGE_BYTES);
        } else {
            SocketTransport.init();
            int colon = listen.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("listen address must be HOST:PORT, unix:PATH or in-process:NAME (got '" + listen + "')");
            }
            int port;
            try {
                port = Integer.parseInt(listen.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("listen port is not a number in '" + listen + "'", e);
            }
            builder = NettyServerBuilder.forAddress(new InetSocketAddress(listen.substring(0, colon), port))
                    .flowControlWindow(ServiceChannels.FLOW_CONTROL_WINDOW)
                    .maxInboundMessageSize(ServiceChannels.MAX_MESSAGE_BYTES);
        }
        VirtualThreadExecutor threads = new VirtualThreadExecutor();
        boolean inProcess = listen.startsWith(ServiceChannels.IN_PROCESS_PREFIX);
        OneHopDispatch dispatch = null;
        if (inProcess) {
            // in process, a call from a virtual thread runs on that thread: no hand-off, no wake-up
            builder.executor(new InlineOnVirtualThread(threads));
        } else if (oneHop) {
            // sockets: events stay on the event loop, the service method gets one virtual thread
            builder.directExecutor();
            dispatch = new OneHopDispatch(threads);
        } else {
            builder.executor(threads);
        }
        List<ServerServiceDefinition> observed = new ArrayList<>();
        for (BindableService s : services) {
            ServerServiceDefinition def = telemetry.intercept(s);
            observed.add(def);
            ServerServiceDefinition served = dispatch == null ? def : dispatch.wrap(def);
            // in process, a request is the caller's object: nothing is parsed
            builder.addService(inProcess ? served : AliasingMarshaller.requests(served));
        }
        String direct = listen.startsWith(ServiceChannels.IN_PROCESS_PREFIX)
                ? listen.substring(ServiceChannels.IN_PROCESS_PREFIX.length()) : null;
        try {
            Server server = builder.build().start();
            if (direct != null) {
                DirectCalls.register(direct, observed);
            }
            return new GrpcServerHost(server, direct, socket);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + listen + ": " + e.getMessage(), e);
        }
    }

    /** The TCP port actually bound, or -1 for in-process servers. */
    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        if (direct != null) {
            DirectCalls.unregister(direct);
        }
        server.shutdown();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (socket != null) {
            try {
                Files.deleteIfExists(socket);
            } catch (IOException e) {
                // the next start removes a stale socket file anyway
                log.warn("could not remove socket file {}: {}", socket, e.toString());
            }
        }
    }
}
