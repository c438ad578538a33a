package io.dittofs.gateway.rpc;

/** One ONC RPC program (portmapper, MOUNT, NFS, ...). Calls run on virtual threads and may block. */
public interface RpcProgram {

    int program();

    int lowVersion();

    int highVersion();

    /** Calls answered from the duplicate request cache when retransmitted. */
    boolean nonIdempotent(int version, int procedure);

    /** Decodes {@code call.args()}, runs the procedure and writes its results to {@code out}. */
    Outcome call(CallContext ctx, RpcCall call, XdrWriter out);
}
