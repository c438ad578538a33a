package io.dittofs.gateway.metrics;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Status names for meters and log lines, read once from a class of int constants (Nfs3Status,
 * Nfs4Status, NtStatus, ...): the constant's name, or the number when the class has none. Negative
 * codes below {@link RpcOps#RPC_BASE} are RPC-level outcomes (GARBAGE_ARGS, ...).
 */
final class StatusNames {

    private StatusNames() {
    }

    static IntFunction<String> of(Class<?> constants) {
        Map<Integer, String> names = new HashMap<>();
        for (Field f : constants.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == int.class) {
                try {
                    f.setAccessible(true);
                    names.putIfAbsent(f.getInt(null), f.getName());
                } catch (IllegalAccessException | RuntimeException e) {
                    throw new IllegalStateException("cannot read status constant " + f, e);
                }
            }
        }
        Map<Integer, String> table = Map.copyOf(names);
        return code -> {
            if (code == ProtocolOps.DROPPED || code == ProtocolOps.NO_REPLY) {
                return code == ProtocolOps.DROPPED ? "DROPPED" : "NO_REPLY";
            }
            String rpc = RpcOps.rpcStatusName(code);
            if (rpc != null) {
                return rpc;
            }
            String n = table.get(code);
            return n != null ? n : Integer.toString(code);
        };
    }

    /** For protocols whose results carry no status first: only RPC-level outcomes and OK. */
    static String okOrRpc(int code) {
        String rpc = RpcOps.rpcStatusName(code);
        return rpc != null ? rpc : code == 0 ? "OK" : Integer.toString(code);
    }
}
