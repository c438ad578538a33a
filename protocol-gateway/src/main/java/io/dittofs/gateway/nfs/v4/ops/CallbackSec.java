package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;

/** callback_sec_parms4&lt;&gt; (RFC 8881 §18.36.1), read and bounded; AUTH_NONE, AUTH_SYS and RPCSEC_GSS handles. */
final class CallbackSec {

    static final int MAX_ENTRIES = 16;

    private CallbackSec() {
    }

    static void skip(XdrReader in) throws XdrException {
        long secs = in.readUnsignedInt();
        if (secs > MAX_ENTRIES) {
            throw new XdrException("too many callback security parameters: " + secs);
        }
        for (int i = 0; i < secs; i++) {
            int flavor = in.readInt();
            switch (flavor) {
                case 0 -> { }
                case 1 -> {
                    in.readInt();
                    in.readOpaque(255);
                    in.readInt();
                    in.readInt();
                    long gids = in.readUnsignedInt();
                    if (gids > 16) {
                        throw new XdrException("AUTH_SYS with " + gids + " groups");
                    }
                    in.skip((int) gids * 4);
                }
                case 6 -> {
                    in.readInt();
                    in.readOpaque(1024);
                    in.readOpaque(1024);
                }
                default -> throw new XdrException("unknown callback flavor " + flavor);
            }
        }
    }
}
