package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.access.Denial;
import io.dittofs.gateway.fs.model.FsStatus;

/** The ONE table from neutral outcomes (file system, share gate, service failure) to nfsstat3 (RFC 1813 §2.6). */
public final class Nfs3Status {

    public static final int OK = 0;
    public static final int PERM = 1;
    public static final int NOENT = 2;
    public static final int IO = 5;
    public static final int NXIO = 6;
    public static final int ACCES = 13;
    public static final int EXIST = 17;
    public static final int XDEV = 18;
    public static final int NODEV = 19;
    public static final int NOTDIR = 20;
    public static final int ISDIR = 21;
    public static final int INVAL = 22;
    public static final int FBIG = 27;
    public static final int NOSPC = 28;
    public static final int ROFS = 30;
    public static final int MLINK = 31;
    public static final int NAMETOOLONG = 63;
    public static final int NOTEMPTY = 66;
    public static final int DQUOT = 69;
    public static final int STALE = 70;
    public static final int BADHANDLE = 10001;
    public static final int NOT_SYNC = 10002;
    public static final int BAD_COOKIE = 10003;
    public static final int NOTSUPP = 10004;
    public static final int TOOSMALL = 10005;
    public static final int SERVERFAULT = 10006;
    public static final int BADTYPE = 10007;
    public static final int JUKEBOX = 10008;

    private Nfs3Status() {
    }

    public static int of(FsStatus s) {
        return switch (s) {
            case OK -> OK;
            case NOENT -> NOENT;
            case EXIST, XATTR_EXISTS -> EXIST;
            case NOTDIR -> NOTDIR;
            case ISDIR -> ISDIR;
            case NOTEMPTY -> NOTEMPTY;
            case NAMETOOLONG -> NAMETOOLONG;
            case INVALID_NAME, INVAL, LOOP, BAD_STATE -> INVAL;
            case XDEV -> XDEV;
            case MLINK -> MLINK;
            case BADTYPE -> BADTYPE;
            case STALE -> STALE;
            case BADHANDLE -> BADHANDLE;
            case ACCESS -> ACCES;
            case PERM -> PERM;
            case ROFS -> ROFS;
            case NOSPC -> NOSPC;
            case DQUOT -> DQUOT;
            case FBIG -> FBIG;
            case IO -> IO;
            case BAD_COOKIE -> BAD_COOKIE;
            case TOOSMALL -> TOOSMALL;
            case NOT_SYNC -> NOT_SYNC;
            case NOXATTR, NOTSUPP -> NOTSUPP;
            case LOCK_CONFLICT, DELAY -> JUKEBOX;
            case SERVERFAULT -> SERVERFAULT;
        };
    }

    /** The share gate's refusals. */
    public static int of(Denial d) {
        return switch (d) {
            case UNKNOWN_SHARE -> STALE;
            case NETWORK_DENIED, NO_PERMISSION -> ACCES;
            case READ_ONLY -> ROFS;
        };
    }

    /** A service call that failed (not a file-system outcome): retryable when the service is away. */
    public static int ofServiceFailure(boolean retryable) {
        return retryable ? JUKEBOX : SERVERFAULT;
    }
}
