package io.dittofs.gateway.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** Encodes reply headers (RFC 5531 §9). Accepted replies carry the flavor's verifier (AUTH_NONE unless given). */
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
    /** Room for the header and a small result; larger results grow the pooled buffer. */
    private static final int INITIAL_CAPACITY = 128;

    private RpcReplies() {
    }

    /** An accepted reply header up to and including {@code acceptStat}. */
    public static ByteBuf accepted(ByteBufAllocator alloc, int xid, CallSecurity security, int acceptStat) {
        ByteBuf b = alloc.buffer(INITIAL_CAPACITY);
        b.writeInt(xid).writeInt(REPLY).writeInt(MSG_ACCEPTED);
        security.writeVerifier(b);
        return b.writeInt(acceptStat);
    }

    /** SUCCESS header; the procedure's results follow. */
    public static ByteBuf success(ByteBufAllocator alloc, int xid) {
        return accepted(alloc, xid, CallSecurity.NONE, SUCCESS);
    }

    /** PROG_UNAVAIL, PROC_UNAVAIL, GARBAGE_ARGS or SYSTEM_ERR (no body). */
    public static ByteBuf error(ByteBufAllocator alloc, int xid, int acceptStat) {
        return accepted(alloc, xid, CallSecurity.NONE, acceptStat);
    }

    public static ByteBuf progMismatch(ByteBufAllocator alloc, int xid, CallSecurity security, int low, int high) {
        return accepted(alloc, xid, security, PROG_MISMATCH).writeInt(low).writeInt(high);
    }

    public static ByteBuf progMismatch(ByteBufAllocator alloc, int xid, int low, int high) {
        return progMismatch(alloc, xid, CallSecurity.NONE, low, high);
    }

    public static ByteBuf rpcMismatch(ByteBufAllocator alloc, int xid) {
        ByteBuf b = alloc.buffer(24);
        return b.writeInt(xid).writeInt(REPLY).writeInt(MSG_DENIED).writeInt(RPC_MISMATCH)
                .writeInt(RpcMessages.RPC_VERSION).writeInt(RpcMessages.RPC_VERSION);
    }

    public static ByteBuf authError(ByteBufAllocator alloc, int xid, AuthStat stat) {
        ByteBuf b = alloc.buffer(20);
        return b.writeInt(xid).writeInt(REPLY).writeInt(MSG_DENIED).writeInt(AUTH_ERROR).writeInt(stat.code);
    }

    /** The answer to a CALL refused before authentication. */
    public static ByteBuf refusal(ByteBufAllocator alloc, RpcMessage.Refused r) {
        return r.authStat() == null ? rpcMismatch(alloc, r.xid()) : authError(alloc, r.xid(), r.authStat());
    }

    /** A CALL header with AUTH_NONE verifier, up to the credential; the caller writes credential and arguments. */
    public static void callHeader(XdrWriter out, int xid, int program, int version, int procedure) {
        out.writeInt(xid).writeInt(RpcMessages.CALL).writeInt(RpcMessages.RPC_VERSION).writeInt(program)
                .writeInt(version).writeInt(procedure);
    }
}
