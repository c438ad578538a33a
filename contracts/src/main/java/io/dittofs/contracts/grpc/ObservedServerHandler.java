package io.dittofs.contracts.grpc;

import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs every callback of a call with the caller's trace id in the MDC (callbacks of one call may
 * run on different threads), and on close records its timer and logs it when slow.
 */
final class ObservedServerHandler<Q, R> implements ServerCallHandler<Q, R> {

    private final ServerCallHandler<Q, R> next;
    private final CallMeters meters;
    private final SlowCalls slow;
    private final String label;

    ObservedServerHandler(ServerCallHandler<Q, R> next, CallMeters meters, SlowCalls slow, String label) {
        this.next = next;
        this.meters = meters;
        this.slow = slow;
        this.label = label;
    }

    @Override
    public ServerCall.Listener<Q> startCall(ServerCall<Q, R> call, Metadata headers) {
        String trace = TraceIds.accept(headers.get(TraceIds.HEADER));
        Timed timed = meters == null && !slow.enabled() ? null : new Timed(call, trace);
        ServerCall.Listener<Q> listener;
        try (TraceIds.Scope s = TraceIds.open(trace)) {
            listener = next.startCall(timed == null ? call : timed, headers);
        }
        if (trace == null && timed == null) {
            return listener;
        }
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(Q message) {
                try (TraceIds.Scope s = TraceIds.open(trace)) {
                    super.onMessage(message);
                }
            }

            @Override
            public void onHalfClose() {
                try (TraceIds.Scope s = TraceIds.open(trace)) {
                    super.onHalfClose();
                }
            }

            @Override
            public void onCancel() {
                if (timed != null) {
                    timed.finish(Status.Code.CANCELLED);
                }
                try (TraceIds.Scope s = TraceIds.open(trace)) {
                    super.onCancel();
                }
            }

            @Override
            public void onComplete() {
                try (TraceIds.Scope s = TraceIds.open(trace)) {
                    super.onComplete();
                }
            }

            @Override
            public void onReady() {
                try (TraceIds.Scope s = TraceIds.open(trace)) {
                    super.onReady();
                }
            }
        };
    }

    /** Measures from start to close; a call cancelled before close counts as CANCELLED. */
    private final class Timed extends ForwardingServerCall.SimpleForwardingServerCall<Q, R> {
        private final String trace;
        private final long started;
        private final AtomicBoolean done = new AtomicBoolean();

        Timed(ServerCall<Q, R> call, String trace) {
            super(call);
            this.trace = trace;
            this.started = meters == null ? System.nanoTime() : meters.begin();
        }

        @Override
        public void close(Status status, Metadata trailers) {
            finish(status.getCode());
            super.close(status, trailers);
        }

        /** Records the call once, whichever of close and cancel comes first. */
        void finish(Status.Code code) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            long nanos = System.nanoTime() - started;
            if (meters != null) {
                meters.end(code, nanos);
            }
            slow.check("service call", label, code.name(), nanos, trace);
        }
    }
}
