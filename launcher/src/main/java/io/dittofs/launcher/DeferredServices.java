package io.dittofs.launcher;

import io.grpc.BindableService;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * gRPC services hosted before their implementation exists: the embedded control plane starts in the
 * background, after the data path, but its watch and identity services must be on the suite's
 * in-process server from the start (one server per name). A call to them waits until the real
 * services are there and then goes to them; if the control plane failed to start it ends UNAVAILABLE.
 * The wait happens in {@code startCall}, on one of the server's virtual threads.
 */
final class DeferredServices {

    private DeferredServices() {
    }

    /** One placeholder per descriptor, answering as soon as {@code real} holds services of the same names. */
    static List<BindableService> of(List<ServiceDescriptor> descriptors, CompletableFuture<List<BindableService>> real) {
        CompletableFuture<List<ServerServiceDefinition>> bound = real.thenApply(
                services -> services.stream().map(BindableService::bindService).toList());
        return descriptors.stream().<BindableService>map(d -> {
            ServerServiceDefinition.Builder b = ServerServiceDefinition.builder(d);
            for (MethodDescriptor<?, ?> m : d.getMethods()) {
                add(b, m, bound);
            }
            ServerServiceDefinition def = b.build();
            return () -> def;
        }).toList();
    }

    private static <Q, R> void add(ServerServiceDefinition.Builder b, MethodDescriptor<Q, R> method,
                                   CompletableFuture<List<ServerServiceDefinition>> bound) {
        b.addMethod(method, new Handler<>(method.getFullMethodName(), bound));
    }

    private record Handler<Q, R>(String method, CompletableFuture<List<ServerServiceDefinition>> bound)
            implements ServerCallHandler<Q, R> {

        @Override
        @SuppressWarnings("unchecked")
        public ServerCall.Listener<Q> startCall(ServerCall<Q, R> call, Metadata headers) {
            ServerMethodDefinition<?, ?> target;
            try {
                target = bound.get().stream().map(s -> s.getMethod(method)).filter(m -> m != null).findFirst().orElse(null);
            } catch (ExecutionException e) {
                return refuse(call, "the control plane failed to start: " + e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return refuse(call, "interrupted waiting for the control plane");
            }
            if (target == null) {
                return refuse(call, "the control plane has no method " + method);
            }
            return ((ServerCallHandler<Q, R>) target.getServerCallHandler()).startCall(call, headers);
        }

        private ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, String why) {
            call.close(Status.UNAVAILABLE.withDescription(why), new Metadata());
            return new ServerCall.Listener<>() { };
        }
    }
}
