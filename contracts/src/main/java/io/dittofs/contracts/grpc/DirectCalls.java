package io.dittofs.contracts.grpc;

import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The unary methods of the services hosted in process, by server name: what a {@link DirectChannel}
 * calls without the in-process transport. {@link GrpcServerHost} registers a server's (already
 * observed) definitions when it starts and removes them when it closes, so a channel to a server
 * that is gone falls back to the in-process transport and fails there as before.
 */
final class DirectCalls {

    private static final Map<String, Map<String, ServerMethodDefinition<?, ?>>> SERVERS = new ConcurrentHashMap<>();

    private DirectCalls() {
    }

    static void register(String server, List<ServerServiceDefinition> services) {
        Map<String, ServerMethodDefinition<?, ?>> methods = new HashMap<>();
        for (ServerServiceDefinition s : services) {
            for (ServerMethodDefinition<?, ?> m : s.getMethods()) {
                if (m.getMethodDescriptor().getType() == MethodDescriptor.MethodType.UNARY) {
                    methods.put(m.getMethodDescriptor().getFullMethodName(), m);
                }
            }
        }
        SERVERS.put(server, Map.copyOf(methods));
    }

    static void unregister(String server) {
        SERVERS.remove(server);
    }

    /** The unary method hosted by {@code server}, or null (not hosted, not unary, server closed). */
    static ServerMethodDefinition<?, ?> lookup(String server, String fullMethodName) {
        Map<String, ServerMethodDefinition<?, ?>> methods = SERVERS.get(server);
        return methods == null ? null : methods.get(fullMethodName);
    }
}
