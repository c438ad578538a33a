package io.dittofs.contracts.grpc;

import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threading of a socket server ({@code HOST:PORT}, {@code unix:PATH}) whose gRPC executor is
 * {@code directExecutor}: transport callbacks arrive on the Netty event loop, and only the work
 * that may block leaves it, on ONE virtual thread per call.
 *
 * <p>Why: with an executor, gRPC's ServerImpl hands every event of a call (stream created,
 * message, half-close, ready, closed) to a SerializingExecutor that starts a new task whenever
 * the previous batch drained: 3.5–5 virtual-thread starts (each a carrier wake-up) per unary call,
 * the largest cost of a service call between processes (docs/benchmarks.md, grpctcp profile).
 * Here a unary call's start, request message, ready and completion run inline on the event loop
 * (gRPC's own code plus the trace-id/meter wrapper: no application code), and only the half-close
 * — which invokes the service method — goes to a virtual thread, whose reply is written from
 * there. Streaming methods keep every callback (and their start, which invokes the method for
 * client/bidi streams) off the event loop, serialized in order, as before.
 *
 * <p>Callbacks of one call never overlap: a {@link Lane} queues the events that arrive while an
 * earlier one still runs (e.g. a cancel while the method runs) and its runner takes them in order.
 * The call's gRPC {@link Context} (deadline, cancellation) is attached on the virtual thread.
 */
final class OneHopDispatch {

    private static final Logger log = LoggerFactory.getLogger(OneHopDispatch.class);

    private final Executor threads;

    OneHopDispatch(Executor threads) {
        this.threads = threads;
    }

    ServerServiceDefinition wrap(ServerServiceDefinition def) {
        ServerServiceDefinition.Builder b = ServerServiceDefinition.builder(def.getServiceDescriptor());
        for (ServerMethodDefinition<?, ?> m : def.getMethods()) {
            b.addMethod(wrap(m));
        }
        return b.build();
    }

    private <Q, R> ServerMethodDefinition<Q, R> wrap(ServerMethodDefinition<Q, R> m) {
        boolean unary = m.getMethodDescriptor().getType() == MethodDescriptor.MethodType.UNARY;
        return m.withServerCallHandler(new Handler<>(m.getServerCallHandler(), unary));
    }

    private final class Handler<Q, R> implements ServerCallHandler<Q, R> {
        private final ServerCallHandler<Q, R> next;
        private final boolean unary;

        Handler(ServerCallHandler<Q, R> next, boolean unary) {
            this.next = next;
            this.unary = unary;
        }

        @Override
        public ServerCall.Listener<Q> startCall(ServerCall<Q, R> call, Metadata headers) {
            Lane<Q, R> lane = new Lane<>(call, Context.current(), unary);
            if (unary) {
                // gRPC's unary handler only asks for the request here; no application code runs
                lane.delegate = next.startCall(call, headers);
            } else {
                lane.submit(() -> lane.delegate = next.startCall(call, headers), true);
            }
            return lane;
        }
    }

    /**
     * One call's listener and its ordered queue of callbacks. {@code blocking} callbacks run on a
     * virtual thread (the one already running the lane, or a new one); the others run on whichever
     * thread delivers them when the lane is idle, else after the queued ones.
     */
    private final class Lane<Q, R> extends ServerCall.Listener<Q> {
        private final ServerCall<Q, R> call;
        private final Context context;
        private final boolean unary;
        private final ArrayDeque<Runnable> queue = new ArrayDeque<>(2);
        /** Whether the head of the queue must run on a virtual thread; parallel to {@link #queue}. */
        private final ArrayDeque<Boolean> blockingFlags = new ArrayDeque<>(2);
        private boolean busy;
        /** Written before any callback that reads it runs (same thread, or via the lane's lock). */
        volatile ServerCall.Listener<Q> delegate;

        Lane(ServerCall<Q, R> call, Context context, boolean unary) {
            this.call = call;
            this.context = context;
            this.unary = unary;
        }

        @Override
        public void onMessage(Q message) {
            submit(() -> delegate.onMessage(message), !unary);
        }

        @Override
        public void onHalfClose() {
            submit(() -> delegate.onHalfClose(), true);
        }

        @Override
        public void onCancel() {
            submit(() -> delegate.onCancel(), !unary);
        }

        @Override
        public void onComplete() {
            submit(() -> delegate.onComplete(), !unary);
        }

        @Override
        public void onReady() {
            submit(() -> delegate.onReady(), !unary);
        }

        void submit(Runnable task, boolean blocking) {
            synchronized (this) {
                queue.add(task);
                blockingFlags.add(blocking);
                if (busy) {
                    return; // the running drain takes it in order
                }
                busy = true;
            }
            drain();
        }

        /** Runs queued callbacks in order; moves to a virtual thread at the first blocking one. */
        private void drain() {
            boolean onVirtual = Thread.currentThread().isVirtual();
            while (true) {
                Runnable task;
                synchronized (this) {
                    task = queue.peek();
                    if (task == null) {
                        busy = false;
                        return;
                    }
                    if (blockingFlags.peek() && !onVirtual) {
                        // the lane stays busy: the new thread continues this drain
                        threads.execute(this::drainInContext);
                        return;
                    }
                    queue.poll();
                    blockingFlags.poll();
                }
                runGuarded(task);
            }
        }

        private void drainInContext() {
            Context previous = context.attach();
            try {
                drain();
            } finally {
                context.detach(previous);
            }
        }

        /**
         * As gRPC's ServerImpl does for a callback that throws: the call ends with UNKNOWN instead
         * of hanging the client (there, the exception reaches the transport, here a thread's end).
         */
        private void runGuarded(Runnable task) {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                log.error("service call {} failed", call.getMethodDescriptor().getFullMethodName(), e);
                try {
                    call.close(Status.UNKNOWN.withDescription("service error").withCause(e), new Metadata());
                } catch (IllegalStateException alreadyClosed) {
                    log.debug("call {} was already closed: {}", call.getMethodDescriptor().getFullMethodName(),
                            alreadyClosed.toString());
                }
            }
        }
    }
}
