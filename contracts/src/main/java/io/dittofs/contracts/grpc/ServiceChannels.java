package io.dittofs.contracts.grpc;

import io.grpc.ClientInterceptors;
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
 *   <li>{@code HOST:PORT} — HTTP/2 over TCP.</li>
 * </ul>
 */
public final class ServiceChannels {

    public static final String IN_PROCESS_PREFIX = "in-process:";
    /** Larger than the biggest protocol read/write (4 MiB) plus framing. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    /**
     * HTTP/2 window a TCP connection starts with (both sides; auto-tuning may grow it): at the
     * 1 MiB default a 1 MiB READ or WRITE waits a window update per message, at 8 MiB a few are
     * in flight on one connection.
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
        int colon = target.lastIndexOf(':');
        if (colon <= 0 || colon == target.length() - 1) {
            throw new IllegalArgumentException("service target must be HOST:PORT or in-process:NAME (got '" + target + "')");
        }
        return NettyChannelBuilder.forTarget(target)
                .usePlaintext()
                .initialFlowControlWindow(FLOW_CONTROL_WINDOW)
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .intercept(Deadlines.defaults(), telemetry.clientInterceptor())
                .build();
    }

    /** For tests and tools that need the interceptor on an existing channel. */
    public static io.grpc.Channel withDefaults(io.grpc.Channel channel) {
        return ClientInterceptors.intercept(channel, Deadlines.defaults(), GrpcTelemetry.traceOnly().clientInterceptor());
    }
}
