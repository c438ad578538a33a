package io.dittofs.nfsclient;

/**
 * A decoded reply header.
 *
 * @param accepted   MSG_ACCEPTED (true) or MSG_DENIED
 * @param stat       accept_stat when accepted, reject_stat otherwise
 * @param detail     auth_stat for AUTH_ERROR; low version for PROG_MISMATCH/RPC_MISMATCH
 * @param detail2    high version for the mismatches
 * @param body       the procedure's results (SUCCESS only)
 */
public record RpcReply(int xid, boolean accepted, int stat, int detail, int detail2, XdrIn body) {

    public static final int SUCCESS = 0;
    public static final int PROG_UNAVAIL = 1;
    public static final int PROG_MISMATCH = 2;
    public static final int PROC_UNAVAIL = 3;
    public static final int GARBAGE_ARGS = 4;
    public static final int RPC_MISMATCH = 0;
    public static final int AUTH_ERROR = 1;

    public boolean success() {
        return accepted && stat == SUCCESS;
    }
}
