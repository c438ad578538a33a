package io.dittofs.metadata.grpc.coherence;

import io.dittofs.contracts.metadata.v1.Invalidation;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Who made a call (the x-dittofs-gateway request header) and what its mutation invalidated (the
 * x-dittofs-invalidation-bin response header): the hub skips the origin's own stream, since the
 * origin learns from its answer, without a stream round trip.
 */
public final class CoherenceHeaders implements ServerInterceptor {

    public static final Metadata.Key<String> GATEWAY =
            Metadata.Key.of("x-dittofs-gateway", Metadata.ASCII_STRING_MARSHALLER);
    public static final Metadata.Key<byte[]> INVALIDATION =
            Metadata.Key.of("x-dittofs-invalidation-bin", Metadata.BINARY_BYTE_MARSHALLER);

    private static final Context.Key<CallState> STATE = Context.key("dittofs-coherence");

    /** One call's origin and, once its mutation is published, the invalidation to answer with. */
    public static final class CallState {
        private final String origin;
        private volatile Invalidation outcome;

        CallState(String origin) {
            this.origin = origin;
        }

        public String origin() {
            return origin;
        }

        public void outcome(Invalidation inv) {
            this.outcome = inv;
        }
    }

    /** The current call's state, or null outside an intercepted call (direct in-process calls). */
    public static CallState current() {
        return STATE.get();
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        CallState state = new CallState(headers.get(GATEWAY));
        ServerCall<Q, R> answering = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void sendHeaders(Metadata responseHeaders) {
                Invalidation inv = state.outcome;
                if (inv != null) {
                    responseHeaders.put(INVALIDATION, inv.toByteArray());
                }
                super.sendHeaders(responseHeaders);
            }
        };
        return Contexts.interceptCall(Context.current().withValue(STATE, state), answering, headers, next);
    }
}
