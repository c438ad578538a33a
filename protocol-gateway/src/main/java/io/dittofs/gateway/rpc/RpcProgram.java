package io.dittofs.gateway.rpc;

import java.util.stream.IntStream;

/**
 * One ONC RPC program version set (portmapper, MOUNT v3, NFSv3, later NFSv4, NLM v4, ...). Several
 * implementations may share a program number as long as their versions differ: the registry keys
 * them by (program, version). Calls run on virtual threads and may block.
 */
public interface RpcProgram {

    int program();

    int lowVersion();

    int highVersion();

    /** The versions this implementation answers; by default every one from low to high. */
    default int[] versions() {
        return IntStream.rangeClosed(lowVersion(), highVersion()).toArray();
    }

    /** Calls answered from the duplicate request cache when retransmitted. */
    boolean nonIdempotent(int version, int procedure);

    /**
     * Calls worth trying on the event loop under {@link io.dittofs.contracts.grpc.NonBlocking}: reads
     * whose every step either answers from memory or throws {@code WouldBlock} (then the call runs
     * again on a virtual thread). Only idempotent calls qualify; by default none.
     */
    default boolean inlinable(int version, int procedure) {
        return false;
    }

    /** Decodes {@code call.args()}, runs the procedure and writes its results to {@code out}. */
    Outcome call(CallContext ctx, RpcCall call, XdrWriter out);
}
