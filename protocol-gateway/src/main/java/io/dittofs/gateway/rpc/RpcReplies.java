package io.dittofs.gateway.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** Encodes reply headers (RFC 5531 §9). The verifier is always AUTH_NONE. */
public final class RpcReplies {

    static final int REPLY = 1;
    static final int MSG_ACCEPTED = 0;
    static final int MSG_DENIED = 1;
    public static final int SUCCESS = 0;
    public static final int PROG_UNAVAIL = 1;
    public static final int PROG_MISMATCH = 2;
    public static final int PROC_UNAVAIL = 3;
    public static final int GARBAGE_ARGS = 4;
    public static final int SYSTEM_ERR = 5;
    static final int RPC_MISMATCH = 0;
    static final int AUTH_ERROR = 1;

    private RpcReplies() {
    }

    private static ByteBuf accepted(ByteBufAllocator alloc, int xid, int acceptStat) {
        ByteBuf b = alloc.buffer(32);
        b.writeInt(xid).writeInt(REPLY).writeInt(MSG_ACCEPTED).writeInt(0).writeInt(0).writeInt(acceptStat);
        return b;
    }

    /** SUCCESS header; the procedure's results follow. */
    public static ByteBuf success(ByteBufAllocator alloc, int xid) {
        return accepted(alloc, xid, SUCCESS);
    }

    /** PROG_UNAVAIL, PROC_UNAVAIL, GARBAGE_ARGS or SYSTEM_ERR (no body). */
    public static ByteBuf error(ByteBufAllocator alloc, int xid, int acceptStat) {
        return accepted(alloc, xid, acceptStat);
    }

    public static ByteBuf progMismatch(ByteBufAllocator alloc, int xid, int low, int high) {
        return accepted(alloc, xid, PROG_MISMATCH).writeInt(low).writeInt(high);
    }

    public static ByteBuf rpcMismatch(ByteBufAllocator alloc, int xid) {
        ByteBuf b = alloc.buffer(24);
        return b.writeInt(xid).writeInt(REPLY).writeInt(MSG_DENIED).writeInt(RPC_MISMATCH).writeInt(2).writeInt(2);
    }

    public static ByteBuf authError(ByteBufAllocator alloc, int xid, AuthStat stat) {
        ByteBuf b = alloc.buffer(20);
        return b.writeInt(xid).writeInt(REPLY).writeInt(MSG_DENIED).writeInt(AUTH_ERROR).writeInt(stat.code);
    }
}
