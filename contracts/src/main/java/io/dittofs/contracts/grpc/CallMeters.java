package io.dittofs.contracts.grpc;

import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The meters of one gRPC method on one side: a timer per status code (registered on first use,
 * then found by the code's ordinal) and the service's in-flight gauge. A call allocates nothing.
 *
 * <ul>
 *   <li>{@code dittofs.grpc.client.calls} / {@code dittofs.grpc.server.calls}: timer, tags
 *       service, method, status (the gRPC status code);</li>
 *   <li>{@code dittofs.grpc.client.inflight} / {@code dittofs.grpc.server.inflight}: gauge, tag service.</li>
 * </ul>
 */
final class CallMeters {

    static final String CLIENT_CALLS = "dittofs.grpc.client.calls";
    static final String SERVER_CALLS = "dittofs.grpc.server.calls";
    static final String CLIENT_INFLIGHT = "dittofs.grpc.client.inflight";
    static final String SERVER_INFLIGHT = "dittofs.grpc.server.inflight";
    private static final Status.Code[] CODES = Status.Code.values();

    private final MeterRegistry registry;
    private final String name;
    private final Tags tags;
    private final AtomicInteger inflight;
    private final AtomicReferenceArray<Timer> timers = new AtomicReferenceArray<>(CODES.length);

    private CallMeters(MeterRegistry registry, String name, String inflightName, MethodDescriptor<?, ?> method) {
        this.registry = registry;
        this.name = name;
        String service = service(method);
        this.tags = Tags.of("service", service, "method", method.getBareMethodName());
        this.inflight = InflightGauges.of(registry, inflightName, "service", service);
    }

    static CallMeters client(MeterRegistry registry, MethodDescriptor<?, ?> method) {
        return new CallMeters(registry, CLIENT_CALLS, CLIENT_INFLIGHT, method);
    }

    static CallMeters server(MeterRegistry registry, MethodDescriptor<?, ?> method) {
        return new CallMeters(registry, SERVER_CALLS, SERVER_INFLIGHT, method);
    }

    /** "MetadataService" from "dittofs.metadata.v1.MetadataService". */
    static String service(MethodDescriptor<?, ?> method) {
        String s = method.getServiceName();
        return s == null ? "unknown" : s.substring(s.lastIndexOf('.') + 1);
    }

    /** "MetadataService/GetAttr", for log lines. */
    static String label(MethodDescriptor<?, ?> method) {
        return service(method) + "/" + method.getBareMethodName();
    }

    long begin() {
        inflight.incrementAndGet();
        return System.nanoTime();
    }

    void end(Status.Code code, long nanos) {
        inflight.decrementAndGet();
        timer(code).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Status.Code code) {
        Timer t = timers.get(code.ordinal());
        if (t == null) {
            t = Timer.builder(name).tags(tags).tag("status", code.name())
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofNanos(20_000))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry);
            timers.set(code.ordinal(), t);
        }
        return t;
    }
}
