package io.dittofs.contracts.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A socket channel that lost its service reconnects when a call needs it, not on gRPC's backoff
 * clock. Left alone, a channel that failed to connect a few times (a service restarting, or
 * started after its client) waits up to two minutes before it tries again, and fails every call
 * at once meanwhile: a gateway would answer NFS clients with errors long after the service is
 * back. Here a call that finds the channel in {@code TRANSIENT_FAILURE} resets the backoff and
 * waits a moment for the connection, so the first call after a restart is served.
 *
 * <p>While a service is really down each call starts at most one connection attempt (gRPC
 * ignores a reset while one is in flight) and fails after {@link #wait} instead of at once: a
 * rate limit here would let a call that arrives just after a refused attempt fail at a service
 * that came up a moment later. The wait blocks the calling thread, which is never an event loop:
 * socket calls are refused under {@link NonBlocking} before this runs.
 */
final class ReconnectOnDemand implements ClientInterceptor {

    static final Duration DEFAULT_WAIT = Duration.ofMillis(500);

    private final Duration wait;
    private volatile ManagedChannel channel;

    ReconnectOnDemand(Duration wait) {
        this.wait = wait;
    }

    /** The channel this interceptor is part of: known only once it is built. */
    ManagedChannel bind(ManagedChannel built) {
        this.channel = built;
        return built;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        ManagedChannel ch = channel;
        if (ch != null && !options.isWaitForReady() && ch.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
            ch.resetConnectBackoff();
            awaitReady(ch);
        }
        return next.newCall(method, options);
    }

    /**
     * pick_first keeps reporting TRANSIENT_FAILURE while it reconnects (sticky, gRFC A62), so the
     * only news worth waiting for is READY; a refused connection just lets the wait run out.
     */
    private void awaitReady(ManagedChannel ch) {
        long until = System.nanoTime() + wait.toNanos();
        ConnectivityState state = ch.getState(false);
        while (state != ConnectivityState.READY && state != ConnectivityState.SHUTDOWN) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            CountDownLatch changed = new CountDownLatch(1);
            ch.notifyWhenStateChanged(state, changed::countDown);
            try {
                if (!changed.await(left, TimeUnit.NANOSECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            state = ch.getState(false);
        }
    }
}
