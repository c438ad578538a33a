package io.dittofs.contracts.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import java.util.concurrent.Executor;

/**
 * Socket channels run call callbacks on their event loop ({@code directExecutor}), which is right
 * for unary calls (completing a future or waking the blocked caller is all they do) but not for
 * streams: a stream's observer is application code that may block (the lock-service's event
 * stream feeds recalls and grants, the config watch feeds its listeners). Streaming calls without
 * an executor of their own therefore get a virtual thread per callback batch; gRPC still
 * serializes one call's callbacks. Unary calls stay on the event loop: a blocking stub's call
 * carries its own executor (the caller's thread drains it), a future stub's future completes
 * there, so whoever adds a listener to such a future must give it an executor if it blocks.
 */
final class StreamCallbacks implements ClientInterceptor {

    static final StreamCallbacks INSTANCE = new StreamCallbacks();

    private static final Executor THREADS = new VirtualThreadExecutor();

    private StreamCallbacks() {
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        if (method.getType() != MethodDescriptor.MethodType.UNARY && options.getExecutor() == null) {
            options = options.withExecutor(THREADS);
        }
        return next.newCall(method, options);
    }
}
