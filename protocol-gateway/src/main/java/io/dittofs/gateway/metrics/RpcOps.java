package io.dittofs.gateway.metrics;

import io.dittofs.gateway.rpc.Outcome;
import io.dittofs.gateway.rpc.RpcReplies;
import io.netty.buffer.ByteBuf;

/**
 * The meters of every ONC RPC program the gateway answers, found by (program, version) with a
 * linear scan of a handful of entries (as the registry does). Knows which procedures start their
 * results with a status word (NFSv3, NFSv4 COMPOUND, MOUNT MNT), so calls are tagged with the
 * protocol's status; other procedures are OK or an RPC-level failure.
 */
public final class RpcOps {

    /** RPC-level outcomes in the status space: below any protocol status. */
    static final int RPC_BASE = Integer.MIN_VALUE + 100;
    static final int RPC_GARBAGE_ARGS = RPC_BASE - RpcReplies.GARBAGE_ARGS;
    static final int RPC_PROC_UNAVAIL = RPC_BASE - RpcReplies.PROC_UNAVAIL;
    static final int RPC_SYSTEM_ERR = RPC_BASE - RpcReplies.SYSTEM_ERR;
    static final int RPC_AUTH_ERROR = RPC_BASE - 50;
    private static final int NO_STATUS = 0;

    public static final RpcOps DISABLED = new RpcOps(new Entry[0]);

    /** One (program, version) and how its procedures report a status. */
    record Entry(int program, int version, ProtocolOps ops, StatusAt statusAt) {
    }

    @FunctionalInterface
    interface StatusAt {
        /** Whether the results of {@code procedure} begin with the protocol's status word. */
        boolean first(int procedure);
    }

    private final Entry[] entries;

    RpcOps(Entry[] entries) {
        this.entries = entries;
    }

    /** The meters of (program, version), or {@link ProtocolOps#DISABLED}. */
    public ProtocolOps of(int program, int version) {
        for (Entry e : entries) {
            if (e.program == program && e.version == version) {
                return e.ops;
            }
        }
        return ProtocolOps.DISABLED;
    }

    /**
     * The status to tag a finished call with: the first result word when the procedure has one
     * (read at {@code bodyStart}, before any RPCSEC_GSS wrapping), else OK, or the RPC failure.
     */
    public int status(int program, int version, int procedure, Outcome outcome, ByteBuf reply, int bodyStart) {
        if (outcome.authError() != null) {
            return RPC_AUTH_ERROR;
        }
        if (!outcome.success()) {
            return RPC_BASE - outcome.acceptStat();
        }
        for (Entry e : entries) {
            if (e.program == program && e.version == version) {
                return e.statusAt.first(procedure) && reply.writerIndex() >= bodyStart + 4
                        ? reply.getInt(bodyStart) : NO_STATUS;
            }
        }
        return NO_STATUS;
    }

    static String rpcStatusName(int code) {
        if (code > RPC_BASE || code < RPC_BASE - 100) {
            return null;
        }
        if (code == RPC_AUTH_ERROR) {
            return "RPC_AUTH_ERROR";
        }
        return switch (RPC_BASE - code) {
            case RpcReplies.GARBAGE_ARGS -> "RPC_GARBAGE_ARGS";
            case RpcReplies.PROC_UNAVAIL -> "RPC_PROC_UNAVAIL";
            case RpcReplies.SYSTEM_ERR -> "RPC_SYSTEM_ERR";
            case RpcReplies.PROG_UNAVAIL -> "RPC_PROG_UNAVAIL";
            case RpcReplies.PROG_MISMATCH -> "RPC_PROG_MISMATCH";
            default -> "RPC_" + (RPC_BASE - code);
        };
    }
}
