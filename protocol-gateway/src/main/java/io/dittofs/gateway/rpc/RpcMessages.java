package io.dittofs.gateway.rpc;

import io.netty.buffer.ByteBuf;

/**
 * Decodes one whole record into an {@link RpcMessage} (RFC 5531 §9). Pure and bounded: every
 * input gives a typed result, nothing is allocated from a length field, nothing is thrown.
 */
public final class RpcMessages {

    public static final int CALL = 0;
    public static final int REPLY = 1;
    public static final int RPC_VERSION = 2;

    private RpcMessages() {
    }

    /** What decoding found: a message, or garbage to drop. */
    public sealed interface Decoded permits RpcMessage, Garbage {
    }

    /** Not an RPC message this side can answer (too short, unknown message type, truncated reply). */
    public record Garbage(String reason) implements Decoded {
    }

    /** Decodes {@code record}; a Call or Reply keeps slices of it and takes over its reference. */
    public static Decoded decode(ByteBuf record) {
        XdrReader in = new XdrReader(record);
        int xid;
        int type;
        try {
            xid = in.readInt();
            type = in.readInt();
        } catch (XdrException e) {
            return new Garbage(e.getMessage());
        }
        return switch (type) {
            case CALL -> call(xid, in, record);
            case REPLY -> reply(xid, in, record);
            default -> new Garbage("message type " + type);
        };
    }

    private static Decoded call(int xid, XdrReader in, ByteBuf record) {
        try {
            if (in.readInt() != RPC_VERSION) {
                return new RpcMessage.Refused(xid, null);
            }
            int prog = in.readInt();
            int vers = in.readInt();
            int proc = in.readInt();
            OpaqueAuth cred = opaqueAuth(in, record);
            if (cred == null) {
                return new RpcMessage.Refused(xid, AuthStat.BADCRED);
            }
            OpaqueAuth verf = opaqueAuth(in, record);
            if (verf == null) {
                return new RpcMessage.Refused(xid, AuthStat.BADVERF);
            }
            return new RpcMessage.Call(xid, prog, vers, proc, cred, verf, record.slice(), record);
        } catch (XdrException e) {
            return new RpcMessage.Refused(xid, AuthStat.BADCRED);
        }
    }

    /** An opaque_auth, or null when its length exceeds the limit or the record. */
    private static OpaqueAuth opaqueAuth(XdrReader in, ByteBuf record) throws XdrException {
        int flavor = in.readInt();
        long len = in.readUnsignedInt();
        if (len > OpaqueAuth.MAX_BODY || len + XdrReader.pad((int) len) > in.readableBytes()) {
            return null;
        }
        ByteBuf body = record.readSlice((int) len);
        record.skipBytes(XdrReader.pad((int) len));
        return new OpaqueAuth(flavor, body);
    }

    private static Decoded reply(int xid, XdrReader in, ByteBuf record) {
        try {
            int replyStat = in.readInt();
            ReplyStatus status;
            if (replyStat == RpcReplies.MSG_ACCEPTED) {
                if (opaqueAuth(in, record) == null) {
                    return new Garbage("reply verifier does not fit");
                }
                int accept = in.readInt();
                status = accept == RpcReplies.PROG_MISMATCH
                        ? new ReplyStatus(true, accept, in.readInt(), in.readInt())
                        : new ReplyStatus(true, accept, 0, 0);
            } else if (replyStat == RpcReplies.MSG_DENIED) {
                int reject = in.readInt();
                status = reject == RpcReplies.RPC_MISMATCH
                        ? new ReplyStatus(false, reject, in.readInt(), in.readInt())
                        : new ReplyStatus(false, reject, in.readInt(), 0);
            } else {
                return new Garbage("reply_stat " + replyStat);
            }
            return new RpcMessage.Reply(xid, status, record.slice(), record);
        } catch (XdrException e) {
            return new Garbage("truncated reply: " + e.getMessage());
        }
    }
}
