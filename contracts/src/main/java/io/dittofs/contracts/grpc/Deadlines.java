package io.dittofs.contracts.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Deadline;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Every service call carries a deadline. Callers may set a tighter one per call
 * ({@code stub.withDeadlineAfter(...)}); calls without one get the default here, so a stuck
 * service can never pin a protocol request (and its client) forever.
 */
public final class Deadlines implements ClientInterceptor {

    /** Unary metadata and lock calls: short, they touch one store transaction. */
    public static final Duration DEFAULT_UNARY = Duration.ofSeconds(30);
    /** Streams (watches, large copies) live long; they are bounded by their own logic. */
    public static final Duration DEFAULT_STREAM = Duration.ofHours(24);

    private final Duration unary;
    private final Duration stream;
    private final boolean inlineOnVirtualThreads;

    public Deadlines(Duration unary, Duration stream) {
        this(unary, stream, false);
    }

    private Deadlines(Duration unary, Duration stream, boolean inlineOnVirtualThreads) {
        this.inlineOnVirtualThreads = inlineOnVirtualThreads;
        this.unary = Objects.requireNonNull(unary, "unary");
        this.stream = Objects.requireNonNull(stream, "stream");
        if (unary.isNegative() || unary.isZero() || stream.isNegative() || stream.isZero()) {
            throw new IllegalArgumentException("deadlines must be positive: unary=" + unary + " stream=" + stream);
        }
    }

    public static Deadlines defaults() {
        return new Deadlines(DEFAULT_UNARY, DEFAULT_STREAM);
    }

    /**
     * For in-process channels to a {@link GrpcServerHost}: a unary call from a virtual thread runs
     * the service method on that same thread ({@link InlineOnVirtualThread}), so a deadline could
     * not free the caller anyway; it would only cost two timers per call (the client's and the
     * server context's), which showed in the profile. Calls from platform threads keep theirs.
     */
    public static Deadlines inProcess() {
        return new Deadlines(DEFAULT_UNARY, DEFAULT_STREAM, true);
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        boolean inline = inlineOnVirtualThreads && method.getType() == MethodDescriptor.MethodType.UNARY
                && (Thread.currentThread().isVirtual() || NonBlocking.active());
        if (options.getDeadline() == null && !inline) {
            Duration d = method.getType() == MethodDescriptor.MethodType.UNARY ? unary : stream;
            options = options.withDeadline(Deadline.after(d.toNanos(), TimeUnit.NANOSECONDS));
        }
        return next.newCall(method, options);
    }
}
