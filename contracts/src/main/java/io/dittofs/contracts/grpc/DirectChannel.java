package io.dittofs.contracts.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import java.util.concurrent.TimeUnit;

/**
 * An in-process channel whose unary calls from virtual threads call the hosted service's handler
 * directly ({@link DirectCall}) instead of going through the in-process transport: no stream
 * objects, serializing executors, synchronization contexts or deadline timers per call. That is
 * what {@link InlineOnVirtualThread} already did with the thread (the service runs on the caller's
 * virtual thread); this removes the transport's bookkeeping around it, which the profile of an
 * NFS GETATTR showed as about half of the gateway's CPU per call.
 *
 * <p>Calls from a platform thread under {@link NonBlocking} (a Netty event loop answering a read
 * on the spot) are direct too: the service promises not to block under that mode, and a call that
 * cannot be direct (streaming, server not hosted) throws {@link NonBlocking.WouldBlock} instead of
 * waiting for the transport.
 *
 * <p>Everything else keeps the in-process transport: streaming calls, calls from other platform
 * threads (a Netty event loop or a scheduler must not run a service that blocks on its store; the
 * transport hands those to a virtual thread), and calls to a server that is not (or no longer)
 * hosted. Interceptors on both sides are kept: the channel's client interceptors wrap this
 * channel, and the registered server definitions are the observed ones (trace id, meters).
 */
final class DirectChannel extends ManagedChannel {

    private final String server;
    private final ManagedChannel transport;
    private final Channel calls;

    /** @param transport an in-process channel to {@code server} without interceptors; this channel owns it */
    DirectChannel(String server, ManagedChannel transport, ClientInterceptor... interceptors) {
        this.server = server;
        this.transport = transport;
        this.calls = ClientInterceptors.intercept(new Router(), interceptors);
    }

    @Override
    public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions options) {
        return calls.newCall(method, options);
    }

    /** Below the interceptors: a direct call where one is allowed, the transport otherwise. */
    private final class Router extends Channel {
        @Override
        public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions options) {
            boolean nonBlocking = NonBlocking.active();
            if (method.getType() == MethodDescriptor.MethodType.UNARY
                    && (nonBlocking || Thread.currentThread().isVirtual())) {
                ServerMethodDefinition<?, ?> target = DirectCalls.lookup(server, method.getFullMethodName());
                if (target != null) {
                    @SuppressWarnings("unchecked")
                    ServerMethodDefinition<Q, R> typed = (ServerMethodDefinition<Q, R>) target;
                    return new DirectCall<>(typed);
                }
            }
            if (nonBlocking) {
                // the transport would run the service on another thread and make this one wait for it
                throw NonBlocking.wouldBlock("no direct call for " + method.getFullMethodName() + " on " + server);
            }
            return transport.newCall(method, options);
        }

        @Override
        public String authority() {
            return transport.authority();
        }
    }

    @Override
    public String authority() {
        return transport.authority();
    }

    @Override
    public ManagedChannel shutdown() {
        transport.shutdown();
        return this;
    }

    @Override
    public boolean isShutdown() {
        return transport.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return transport.isTerminated();
    }

    @Override
    public ManagedChannel shutdownNow() {
        transport.shutdownNow();
        return this;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return transport.awaitTermination(timeout, unit);
    }
}
