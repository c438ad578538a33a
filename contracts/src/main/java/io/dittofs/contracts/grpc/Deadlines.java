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

    public Deadlines(Duration unary, Duration stream) {
        this.unary = Objects.requireNonNull(unary, "unary");
        this.stream = Objects.requireNonNull(stream, "stream");
        if (unary.isNegative() || unary.isZero() || stream.isNegative() || stream.isZero()) {
            throw new IllegalArgumentException("deadlines must be positive: unary=" + unary + " stream=" + stream);
        }
    }

    public static Deadlines defaults() {
        return new Deadlines(DEFAULT_UNARY, DEFAULT_STREAM);
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        if (options.getDeadline() == null) {
            Duration d = method.getType() == MethodDescriptor.MethodType.UNARY ? unary : stream;
            options = options.withDeadline(Deadline.after(d.toNanos(), TimeUnit.NANOSECONDS));
        }
        return next.newCall(method, options);
    }
}
