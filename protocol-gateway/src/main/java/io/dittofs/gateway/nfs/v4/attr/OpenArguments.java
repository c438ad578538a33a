package io.dittofs.gateway.nfs.v4.attr;

import io.dittofs.gateway.rpc.XdrWriter;

/**
 * open_arguments4 (RFC 9754 §4.1): one bitmap per OPEN argument, a bit for each value OPEN
 * understands. Values follow OPEN's handling in {@code ops.Open}: every share access and deny;
 * the delegation wants ANY_DELEG, NO_DELEG and CANCEL (no SIGNAL/PUSH flags, no delegated
 * timestamps, no OPEN_XOR_DELEGATION); the claims NULL, PREVIOUS, DELEGATE_CUR, FH and
 * DELEG_CUR_FH (the DELEGATE_PREV claims are NOTSUPP); all four create modes.
 */
public final class OpenArguments {

    static final Bitmap SHARE_ACCESS = Bitmap.of(1, 2, 3);
    static final Bitmap SHARE_DENY = Bitmap.of(0, 1, 2, 3);
    /**
     * open_args_share_access_want4 names ANY_DELEG (3), NO_DELEG (4) and CANCEL (5) of OPEN's want
     * values (READ_DELEG and WRITE_DELEG, which OPEN takes too, have no bit there).
     */
    static final Bitmap SHARE_ACCESS_WANT = Bitmap.of(3, 4, 5);
    static final Bitmap OPEN_CLAIM = Bitmap.of(0, 1, 2, 4, 5);
    static final Bitmap CREATE_MODE = Bitmap.of(0, 1, 2, 3);

    private OpenArguments() {
    }

    static void write(XdrWriter v) {
        SHARE_ACCESS.write(v);
        SHARE_DENY.write(v);
        SHARE_ACCESS_WANT.write(v);
        OPEN_CLAIM.write(v);
        CREATE_MODE.write(v);
    }
}
