package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.rpc.Credential;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;

/** callback_sec_parms4&lt;&gt; (RFC 8881 §18.36.1), read and bounded; AUTH_NONE, AUTH_SYS and RPCSEC_GSS handles. */
final class CallbackSec {

    static final int MAX_ENTRIES = 16;

    private CallbackSec() {
    }

    static void skip(XdrReader in) throws XdrException {
        read(in);
    }

    /**
     * Reads the list; the credential callbacks are then sent with: the first AUTH_NONE or AUTH_SYS
     * entry (RPCSEC_GSS is not offered by this server), null when the list has neither.
     */
    static Credential read(XdrReader in) throws XdrException {
        Credential chosen = null;
        long secs = in.readUnsignedInt();
        if (secs > MAX_ENTRIES) {
            throw new XdrException("too many callback security parameters: " + secs);
        }
        for (int i = 0; i < secs; i++) {
            int flavor = in.readInt();
            switch (flavor) {
                case 0 -> chosen = chosen == null ? new Credential.None() : chosen;
                case 1 -> {
                    long stamp = in.readUnsignedInt();
                    String machine = new String(in.readOpaque(255), java.nio.charset.StandardCharsets.UTF_8);
                    int uid = in.readInt();
                    int gid = in.readInt();
                    long gids = in.readUnsignedInt();
                    if (gids > 16) {
                        throw new XdrException("AUTH_SYS with " + gids + " groups");
                    }
                    java.util.List<Integer> groups = new java.util.ArrayList<>();
                    for (int g = 0; g < gids; g++) {
                        groups.add(in.readInt());
                    }
                    if (chosen == null) {
                        chosen = new Credential.Sys(stamp, machine, uid, gid, groups);
                    }
                }
                case 6 -> {
                    in.readInt();
                    in.readOpaque(1024);
                    in.readOpaque(1024);
                }
                default -> throw new XdrException("unknown callback flavor " + flavor);
            }
        }
        return chosen;
    }
}
