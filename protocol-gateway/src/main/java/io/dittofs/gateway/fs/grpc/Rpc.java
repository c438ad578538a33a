package io.dittofs.gateway.fs.grpc;

import io.dittofs.gateway.fs.ServiceCallException;
import io.dittofs.contracts.grpc.NonBlocking;
import io.grpc.StatusRuntimeException;
import java.util.function.Supplier;

/** Turns a failed gRPC call into the neutral {@link ServiceCallException}. */
final class Rpc {

    private Rpc() {
    }

    static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            if (e.getCause() instanceof NonBlocking.WouldBlock wouldBlock) {
                // the service declined to wait (NonBlocking): not a failure, the caller retries off the event loop
                throw wouldBlock;
            }
            boolean retryable = switch (e.getStatus().getCode()) {
                case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, CANCELLED -> true;
                default -> false;
            };
            throw new ServiceCallException(what + " failed: " + e.getStatus(), retryable, e);
        }
    }
}
