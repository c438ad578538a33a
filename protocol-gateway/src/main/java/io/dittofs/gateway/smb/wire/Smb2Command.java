package io.dittofs.gateway.smb.wire;

/** SMB2 command codes (MS-SMB2 2.2.1.2). */
public enum Smb2Command {
    NEGOTIATE, SESSION_SETUP, LOGOFF, TREE_CONNECT, TREE_DISCONNECT, CREATE, CLOSE, FLUSH, READ, WRITE,
    LOCK, IOCTL, CANCEL, ECHO, QUERY_DIRECTORY, CHANGE_NOTIFY, QUERY_INFO, SET_INFO, OPLOCK_BREAK;

    private static final Smb2Command[] BY_CODE = values();

    public int code() {
        return ordinal();
    }

    /** The command of a code, or null for a code SMB2 does not define. */
    public static Smb2Command of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
