package io.dittofs.contracts.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.MethodDescriptor;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.Objects;

/**
 * Builds channels to DittoFS services from one target syntax, so the embedded default (every
 * service in one JVM) and the distributed stack differ only in configuration:
 * <ul>
 *   <li>{@code in-process:NAME} — the in-process transport (no sockets, no copies of messages); a
 *   unary call from a virtual thread calls the hosted service directly ({@link DirectChannel});</li>
 *   <li>{@code HOST:PORT} — HTTP/2 over TCP;</li>
 *   <li>{@code unix:PATH} — HTTP/2 over a Unix-domain socket, for services on the same machine
 *   ({@link SocketTransport}).</li>
 * </ul>
 * A socket channel whose service went away reconnects when the next call needs it
 * ({@link ReconnectOnDemand}), not on gRPC's backoff clock.
 */
public final class ServiceChannels {

    public static final String IN_PROCESS_PREFIX = "in-process:";
    public static final String UNIX_PREFIX = "unix:";
    /** Larger than the biggest protocol read/write (4 MiB) plus framing. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    /**
     * HTTP/2 window of a socket connection (both sides): at the 1 MiB default a 1 MiB READ or
     * WRITE waits a window update per message, at 8 MiB a few are in flight on one connection.
     * Fixed, not auto-tuned: gRPC's tuning sends a BDP PING on nearly every DATA frame read, so a
     * small unary call cost a PING and its ACK (a write and a wake-up on each side) on top.
     */
    public static final int FLOW_CONTROL_WINDOW = 8 * 1024 * 1024;

    private ServiceChannels() {
    }

    /** A channel whose calls carry the caller's trace id; nothing is measured. */
    public static ManagedChannel open(String target) {
        return open(target, GrpcTelemetry.traceOnly());
    }

    /** A channel whose calls carry the caller's trace id and are observed by {@code telemetry}. */
    public static ManagedChannel open(String target, GrpcTelemetry telemetry) {
        Objects.requireNonNull(target, "target");
        if (target.startsWith(IN_PROCESS_PREFIX)) {
            String name = target.substring(IN_PROCESS_PREFIX.length());
            if (name.isBlank()) {
                throw new IllegalArgumentException("in-process target needs a name, e.g. in-process:dittofs (got '" + target + "')");
            }
            // unary calls from virtual threads skip the transport (DirectChannel); the rest use it
            ManagedChannel transport = InProcessChannelBuilder.forName(name)
                    .directExecutor()
                    .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                    .build();
            return new DirectChannel(name, transport, Deadlines.inProcess(), telemetry.clientInterceptor());
        }
        SocketTransport.init();
        NettyChannelBuilder builder;
        if (target.startsWith(UNIX_PREFIX)) {
            builder = SocketTransport.channel(SocketTransport.path(target));
        } else {
            int colon = target.lastIndexOf(':');
            if (colon <= 0 || colon == target.length() - 1) {
                throw new IllegalArgumentException("service target must be HOST:PORT, unix:PATH or in-process:NAME (got '" + target + "')");
            }
            builder = NettyChannelBuilder.forTarget(target);
        }
        // Responses complete on the event loop that read them: a blocking stub's caller is woken
        // from there anyway (it drains its own ThreadlessExecutor), a future stub's waiter no longer
        // waits for a pool thread to pass the answer on. Streams get a thread of their own
        // (StreamCallbacks): their observers may block.
        ReconnectOnDemand reconnect = new ReconnectOnDemand(ReconnectOnDemand.DEFAULT_WAIT);
        return reconnect.bind(builder
                .usePlaintext()
                .directExecutor()
                .flowControlWindow(FLOW_CONTROL_WINDOW)
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                // listed last, so it runs first: under NonBlocking no socket call even starts (nor waits to reconnect)
                .intercept(AliasingMarshaller.CLIENT, StreamCallbacks.INSTANCE, Deadlines.defaults(), telemetry.clientInterceptor(),
                        reconnect, RefuseNonBlocking.INSTANCE)
                .build());
    }

    /** A call over a socket waits for another process: never under {@link NonBlocking}. */
    private enum RefuseNonBlocking implements ClientInterceptor {
        INSTANCE;

        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            if (NonBlocking.active()) {
                throw NonBlocking.wouldBlock("socket call " + method.getFullMethodName());
            }
            return next.newCall(method, options);
        }
    }

    /** For tests and tools that need the interceptor on an existing channel. */
    public static io.grpc.Channel withDefaults(io.grpc.Channel channel) {
        return ClientInterceptors.intercept(channel, Deadlines.defaults(), GrpcTelemetry.traceOnly().clientInterceptor());
    }
}
