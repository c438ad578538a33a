package io.dittofs.contracts.grpc;

import io.grpc.Attributes;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One unary call run on the caller's thread by the service's own call handler: the client side
 * and the server side of the call are this one object pair, every callback is delivered at once
 * on the calling thread. A blocking stub's wait therefore finds its reply already there. The
 * request and reply are passed by reference, as the in-process transport does with protobuf
 * messages. A handler that throws closes the call with UNKNOWN (as the gRPC server does) and the
 * service's listener is told the call was cancelled.
 */
final class DirectCall<Q, R> extends ClientCall<Q, R> {

    private static final Logger log = LoggerFactory.getLogger(DirectCall.class);

    private final ServerMethodDefinition<Q, R> target;
    private final Server server = new Server();
    private Listener<R> client;
    private ServerCall.Listener<Q> service;
    private boolean closed;
    private boolean cancelled;

    DirectCall(ServerMethodDefinition<Q, R> target) {
        this.target = target;
    }

    @Override
    public void start(Listener<R> listener, Metadata headers) {
        client = listener;
        try {
            service = target.getServerCallHandler().startCall(server, headers);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    @Override
    public void request(int numMessages) {
        // every message is delivered as soon as it exists: there is nothing to pace
    }

    @Override
    public void sendMessage(Q message) {
        if (!closed) {
            run(() -> service.onMessage(message));
        }
    }

    @Override
    public void halfClose() {
        if (!closed) {
            run(service::onHalfClose);
        }
    }

    @Override
    public void cancel(String message, Throwable cause) {
        if (!closed) {
            cancelled = true;
            closeAndCancel(Status.CANCELLED.withDescription(message).withCause(cause));
        }
    }

    @Override
    public boolean isReady() {
        return !closed;
    }

    private void run(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void fail(RuntimeException e) {
        if (e instanceof NonBlocking.WouldBlock) {
            // expected under NonBlocking: the caller retries off the event loop; not a failure to log
            if (!closed) {
                closeAndCancel(Status.UNAVAILABLE.withDescription(e.getMessage()).withCause(e));
            }
            return;
        }
        log.warn("service method {} failed", target.getMethodDescriptor().getFullMethodName(), e);
        if (!closed) {
            closeAndCancel(Status.UNKNOWN.withCause(e));
        }
    }

    /** Ends a call the service did not close itself: the client gets the status, the service a cancel. */
    private void closeAndCancel(Status status) {
        closed = true;
        client.onClose(status, new Metadata());
        if (service != null) {
            service.onCancel();
        }
    }

    /** The service's view of the call: what it sends goes straight to the client's listener. */
    private final class Server extends ServerCall<Q, R> {

        private boolean headersSent;

        @Override
        public void request(int numMessages) {
            // the request is handed over by sendMessage/halfClose: nothing to pace
        }

        @Override
        public void sendHeaders(Metadata headers) {
            headersSent = true;
            client.onHeaders(headers);
        }

        @Override
        public void sendMessage(R message) {
            if (!headersSent) {
                sendHeaders(new Metadata());
            }
            client.onMessage(message);
        }

        @Override
        public void close(Status status, Metadata trailers) {
            if (closed) {
                return;
            }
            closed = true;
            client.onClose(status, trailers);
            // the service closed its own call: for it the call is complete, whatever the status
            if (service != null) {
                service.onComplete();
            }
        }

        @Override
        public boolean isReady() {
            return !closed;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public Attributes getAttributes() {
            return Attributes.EMPTY;
        }

        @Override
        public String getAuthority() {
            return null;
        }

        @Override
        public MethodDescriptor<Q, R> getMethodDescriptor() {
            return target.getMethodDescriptor();
        }
    }
}
