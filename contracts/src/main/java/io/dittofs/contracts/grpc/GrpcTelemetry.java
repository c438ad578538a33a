package io.dittofs.contracts.grpc;

import io.grpc.BindableService;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every service call carries and records, on both sides: the trace id (always), call timers
 * and in-flight gauges when a {@link MeterRegistry} is given ({@link CallMeters}), and the slow-call
 * line when a threshold is set ({@link SlowCalls}). Without a registry and threshold only the
 * trace id is handled: nothing is measured.
 */
public final class GrpcTelemetry {

    private static final GrpcTelemetry TRACE_ONLY = new GrpcTelemetry(null, SlowCalls.OFF);

    private final MeterRegistry registry;
    private final SlowCalls slow;
    private final Map<MethodDescriptor<?, ?>, CallMeters> clientMeters = new ConcurrentHashMap<>();
    private final ClientInterceptor client = new Client();

    private GrpcTelemetry(MeterRegistry registry, SlowCalls slow) {
        this.registry = registry;
        this.slow = Objects.requireNonNull(slow, "slow");
    }

    /** Trace ids only: no meters, no slow-call lines. */
    public static GrpcTelemetry traceOnly() {
        return TRACE_ONLY;
    }

    /** @param registry null = no meters */
    public static GrpcTelemetry of(MeterRegistry registry, SlowCalls slow) {
        return registry == null && !slow.enabled() ? TRACE_ONLY : new GrpcTelemetry(registry, slow);
    }

    public ClientInterceptor clientInterceptor() {
        return client;
    }

    /** The service with every method observed: MDC trace id while it runs, timers, slow-call line. */
    public ServerServiceDefinition intercept(BindableService service) {
        ServerServiceDefinition def = service.bindService();
        ServerServiceDefinition.Builder b = ServerServiceDefinition.builder(def.getServiceDescriptor());
        for (ServerMethodDefinition<?, ?> m : def.getMethods()) {
            b.addMethod(observed(m));
        }
        return b.build();
    }

    private <Q, R> ServerMethodDefinition<Q, R> observed(ServerMethodDefinition<Q, R> m) {
        // meters are registered once per method here, so a call only indexes arrays
        CallMeters meters = registry == null ? null : CallMeters.server(registry, m.getMethodDescriptor());
        return m.withServerCallHandler(new ObservedServerHandler<>(m.getServerCallHandler(), meters, slow,
                CallMeters.label(m.getMethodDescriptor())));
    }

    /** A plain get first: computeIfAbsent's capturing lambda would be allocated on every call. */
    private CallMeters clientMeters(MethodDescriptor<?, ?> method) {
        CallMeters m = clientMeters.get(method);
        return m != null ? m : clientMeters.computeIfAbsent(method, md -> CallMeters.client(registry, md));
    }

    /** Adds the caller's trace id to the headers; times the call when metrics are on. */
    private final class Client implements ClientInterceptor {
        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            String trace = TraceIds.current();
            CallMeters meters = registry == null ? null : clientMeters(method);
            if (trace == null && meters == null) {
                return next.newCall(method, options);
            }
            return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                @Override
                public void start(Listener<R> listener, Metadata headers) {
                    if (trace != null) {
                        headers.put(TraceIds.HEADER, trace);
                    }
                    if (meters == null) {
                        super.start(listener, headers);
                        return;
                    }
                    long started = meters.begin();
                    super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                        @Override
                        public void onClose(Status status, Metadata trailers) {
                            meters.end(status.getCode(), System.nanoTime() - started);
                            super.onClose(status, trailers);
                        }
                    }, headers);
                }
            };
        }
    }
}
