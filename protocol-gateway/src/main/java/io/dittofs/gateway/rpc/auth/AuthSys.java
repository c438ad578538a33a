package io.dittofs.gateway.rpc.auth;

import io.dittofs.gateway.rpc.AuthStat;
import io.dittofs.gateway.rpc.Authenticator;
import io.dittofs.gateway.rpc.CallSecurity;
import io.dittofs.gateway.rpc.Credential;
import io.dittofs.gateway.rpc.RpcMessage;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * AUTH_SYS (RFC 5531 Appendix A): uid, gid and at most 16 groups as the client claims them. The
 * body is decoded on every call; it is at most 400 bytes and decoding allocates nothing beyond
 * what those bytes back.
 */
public final class AuthSys implements AuthFlavor {

    static final int MAX_MACHINE_NAME = 255;
    static final int MAX_GIDS = 16;
    private static final Authenticator.Rejected BADCRED = new Authenticator.Rejected(AuthStat.BADCRED);

    @Override
    public int flavor() {
        return Credential.AUTH_SYS;
    }

    @Override
    public Authenticator.Result authenticate(RpcMessage.Call call) {
        Credential.Sys cred = decode(call.credential().body().duplicate());
        if (cred == null) {
            return BADCRED;
        }
        if (!plainVerifier(call)) {
            return new Authenticator.Rejected(AuthStat.BADVERF);
        }
        return new Authenticator.Accepted(cred, CallSecurity.NONE);
    }

    /** NONE and SYS accept a verifier of flavor AUTH_NONE or AUTH_SYS (some clients send the latter). */
    static boolean plainVerifier(RpcMessage.Call call) {
        int f = call.verifier().flavor();
        return f == Credential.AUTH_NONE || f == Credential.AUTH_SYS;
    }

    /** The credential body, or null when it is malformed. */
    public static Credential.Sys decode(ByteBuf body) {
        XdrReader in = new XdrReader(body);
        try {
            long stamp = in.readUnsignedInt();
            String machine = in.readString(MAX_MACHINE_NAME);
            int uid = in.readInt();
            int gid = in.readInt();
            long n = in.readUnsignedInt();
            if (n > MAX_GIDS || n * 4 > in.readableBytes()) {
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

    /** Writes {@code c} as an opaque_auth (flavor and body): AUTH_NONE or AUTH_SYS. */
    public static void writeCredential(XdrWriter out, Credential c) {
        switch (c) {
            case Credential.None none -> out.writeInt(Credential.AUTH_NONE).writeInt(0);
            case Credential.Sys sys -> {
                byte[] machine = sys.machine().getBytes(StandardCharsets.UTF_8);
                int len = 4 + 4 + machine.length + ((4 - (machine.length & 3)) & 3) + 4 + 4 + 4 + 4 * sys.gids().size();
                out.writeInt(Credential.AUTH_SYS).writeInt(len).writeInt((int) sys.stamp()).writeOpaque(machine)
                        .writeInt(sys.uid()).writeInt(sys.gid()).writeInt(sys.gids().size());
                sys.gids().forEach(out::writeInt);
            }
        }
    }
}
