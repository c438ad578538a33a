package io.dittofs.gateway.rpc;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the RPC call header (RFC 5531 §9) of one record. Pure: returns a typed outcome for every
 * input, never throws.
 */
public final class CallHeader {

    public static final int CALL = 0;
    public static final int RPC_VERSION = 2;
    static final int MAX_AUTH_BYTES = 400;
    static final int MAX_MACHINE_NAME = 255;
    static final int MAX_GIDS = 16;

    private CallHeader() {
    }

    /** What the header decoding found. */
    public sealed interface Result {
    }

    /** A well-formed call. */
    public record Ok(RpcCall call) implements Result {
    }

    /** Not decodable as a call (or a REPLY sent to a server): drop the record silently. */
    public record Drop(String reason) implements Result {
    }

    /** rpcvers != 2: reply MSG_DENIED / RPC_MISMATCH. */
    public record VersionMismatch(int xid) implements Result {
    }

    /** Credential refused: reply MSG_DENIED / AUTH_ERROR. */
    public record AuthError(int xid, AuthStat stat) implements Result {
    }

    public static Result decode(ByteBuf record) {
        XdrReader in = new XdrReader(record);
        int xid;
        try {
            xid = in.readInt();
            if (in.readInt() != CALL) {
                return new Drop("not a CALL");
            }
        } catch (XdrException e) {
            return new Drop(e.getMessage());
        }
        try {
            if (in.readInt() != RPC_VERSION) {
                return new VersionMismatch(xid);
            }
            int prog = in.readInt();
            int vers = in.readInt();
            int proc = in.readInt();
            int flavor = in.readInt();
            long credLen = in.readUnsignedInt();
            if (credLen > MAX_AUTH_BYTES || credLen > in.readableBytes()) {
                return new AuthError(xid, AuthStat.BADCRED);
            }
            ByteBuf credBody = record.readSlice((int) credLen);
            record.skipBytes(Math.min(XdrReader.pad((int) credLen), record.readableBytes()));
            Credential cred;
            switch (flavor) {
                case Credential.AUTH_NONE -> cred = new Credential.None();
                case Credential.AUTH_SYS -> {
                    cred = authSys(credBody);
                    if (cred == null) {
                        return new AuthError(xid, AuthStat.BADCRED);
                    }
                }
                default -> {
                    return new AuthError(xid, AuthStat.REJECTEDCRED);
                }
            }
            int verfFlavor = in.readInt();
            long verfLen = in.readUnsignedInt();
            if (verfLen > MAX_AUTH_BYTES || verfLen + XdrReader.pad((int) verfLen) > in.readableBytes()) {
                return new AuthError(xid, AuthStat.BADVERF);
            }
            if (verfFlavor != Credential.AUTH_NONE && verfFlavor != Credential.AUTH_SYS) {
                return new AuthError(xid, AuthStat.BADVERF);
            }
            in.skip((int) verfLen + XdrReader.pad((int) verfLen));
            return new Ok(new RpcCall(xid, prog, vers, proc, cred, record.slice()));
        } catch (XdrException e) {
            return new AuthError(xid, AuthStat.BADCRED);
        }
    }

    private static Credential.Sys authSys(ByteBuf body) {
        XdrReader in = new XdrReader(body);
        try {
            long stamp = in.readUnsignedInt();
            String machine = in.readString(MAX_MACHINE_NAME);
            int uid = in.readInt();
            int gid = in.readInt();
            long n = in.readUnsignedInt();
            if (n > MAX_GIDS) {
                return null;
            }
            List<Integer> gids = new ArrayList<>((int) n);
            for (int i = 0; i < n; i++) {
                gids.add(in.readInt());
            }
            return new Credential.Sys(stamp, machine, uid, gid, gids);
        } catch (XdrException e) {
            return null;
        }
    }
}
