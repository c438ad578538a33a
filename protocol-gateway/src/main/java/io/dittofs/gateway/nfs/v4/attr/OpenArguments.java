package io.dittofs.gateway.nfs.v4.attr;

import io.dittofs.gateway.rpc.XdrWriter;

/**
 * open_arguments4 (RFC 9754 §4.1): one bitmap per OPEN argument, a bit for each value OPEN
 * understands. Values follow OPEN's handling in {@code ops.Open}: every share access and deny;
 * the delegation wants READ/WRITE/ANY/NO_DELEG and CANCEL (no SIGNAL/PUSH flags, no delegated
 * timestamps, no OPEN_XOR_DELEGATION); the claims NULL, PREVIOUS, DELEGATE_CUR, FH and
 * DELEG_CUR_FH (the DELEGATE_PREV claims are NOTSUPP); all four create modes.
 */
public final class OpenArguments {

    static final Bitmap SHARE_ACCESS = Bitmap.of(1, 2, 3);
    static final Bitmap SHARE_DENY = Bitmap.of(0, 1, 2, 3);
    /** OPEN4_SHARE_ACCESS_WANT_READ_DELEG (1) … WANT_CANCEL (5), the values of OPEN's want field shifted down by 8. */
    static final Bitmap SHARE_ACCESS_WANT = Bitmap.of(1, 2, 3, 4, 5);
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
