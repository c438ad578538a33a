package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.access.Denial;
import io.dittofs.gateway.fs.model.FsStatus;

/**
 * The ONE table from neutral outcomes (file system, share gate, service failure) to nfsstat4
 * (RFC 7530 §13, RFC 8881 §15); the constants are the wire values.
 */
public final class Nfs4Status {

    public static final int OK = 0;
    public static final int PERM = 1;
    public static final int NOENT = 2;
    public static final int IO = 5;
    public static final int NXIO = 6;
    public static final int ACCESS = 13;
    public static final int EXIST = 17;
    public static final int XDEV = 18;
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
    public static final int BAD_COOKIE = 10003;
    public static final int NOTSUPP = 10004;
    public static final int TOOSMALL = 10005;
    public static final int SERVERFAULT = 10006;
    public static final int BADTYPE = 10007;
    public static final int DELAY = 10008;
    public static final int SAME = 10009;
    public static final int DENIED = 10010;
    public static final int EXPIRED = 10011;
    public static final int LOCKED = 10012;
    public static final int GRACE = 10013;
    public static final int SHARE_DENIED = 10015;
    public static final int WRONGSEC = 10016;
    public static final int CLID_INUSE = 10017;
    public static final int RESOURCE = 10018;
    public static final int MOVED = 10019;
    public static final int NOFILEHANDLE = 10020;
    public static final int MINOR_VERS_MISMATCH = 10021;
    public static final int STALE_CLIENTID = 10022;
    public static final int STALE_STATEID = 10023;
    public static final int OLD_STATEID = 10024;
    public static final int BAD_STATEID = 10025;
    public static final int BAD_SEQID = 10026;
    public static final int NOT_SAME = 10027;
    public static final int LOCK_RANGE = 10028;
    public static final int SYMLINK = 10029;
    public static final int RESTOREFH = 10030;
    public static final int ATTRNOTSUPP = 10032;
    public static final int NO_GRACE = 10033;
    public static final int RECLAIM_BAD = 10034;
    public static final int BADXDR = 10036;
    public static final int LOCKS_HELD = 10037;
    public static final int OPENMODE = 10038;
    public static final int BADCHAR = 10040;
    public static final int BADNAME = 10041;
    public static final int BAD_RANGE = 10042;
    public static final int LOCK_NOTSUPP = 10043;
    public static final int OP_ILLEGAL = 10044;
    public static final int DEADLOCK = 10045;
    public static final int ADMIN_REVOKED = 10047;
    public static final int CB_PATH_DOWN = 10048;
    public static final int BADSESSION = 10052;
    public static final int DELEG_REVOKED = 10087;
    public static final int BADSLOT = 10053;
    public static final int COMPLETE_ALREADY = 10054;
    public static final int SEQ_MISORDERED = 10063;
    public static final int SEQUENCE_POS = 10064;
    public static final int REQ_TOO_BIG = 10065;
    public static final int REP_TOO_BIG = 10066;
    public static final int RETRY_UNCACHED_REP = 10068;
    public static final int TOO_MANY_OPS = 10070;
    public static final int OP_NOT_IN_SESSION = 10071;
    public static final int CLIENTID_BUSY = 10074;
    public static final int SEQ_FALSE_RETRY = 10076;
    public static final int BAD_HIGH_SLOT = 10077;
    public static final int DEADSESSION = 10078;
    public static final int NOT_ONLY_OP = 10081;
    public static final int WRONG_TYPE = 10083;
    public static final int REP_TOO_BIG_TO_CACHE = 10067;
    /** RFC 8276 §8.1: the named extended attribute does not exist. */
    public static final int NOXATTR = 10095;
    /** RFC 8276 §8.1: the extended attribute's value is larger than the server stores. */
    public static final int XATTR2BIG = 10096;
    public static final int BADOWNER = 10039;
    public static final int ENCR_ALG_UNSUPP = 10079;

    private Nfs4Status() {
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
            case INVALID_NAME -> BADNAME;
            case INVAL, LOOP -> INVAL;
            case XDEV -> XDEV;
            case MLINK -> MLINK;
            case BADTYPE -> BADTYPE;
            case STALE -> STALE;
            case BADHANDLE -> BADHANDLE;
            case ACCESS -> ACCESS;
            case PERM -> PERM;
            case ROFS -> ROFS;
            case NOSPC -> NOSPC;
            case DQUOT -> DQUOT;
            case FBIG -> FBIG;
            case IO -> IO;
            case BAD_COOKIE -> BAD_COOKIE;
            case TOOSMALL -> TOOSMALL;
            case NOT_SYNC -> NOT_SAME;
            case NOXATTR, NOTSUPP -> NOTSUPP;
            case LOCK_CONFLICT -> LOCKED;
            case BAD_STATE -> BAD_STATEID;
            case DELAY -> DELAY;
            case SERVERFAULT -> SERVERFAULT;
        };
    }

    /** The share gate's refusals. */
    public static int of(Denial d) {
        return switch (d) {
            case UNKNOWN_SHARE -> STALE;
            case NETWORK_DENIED, NO_PERMISSION -> ACCESS;
            case READ_ONLY -> ROFS;
        };
    }

    /** A service call that failed (not a file-system outcome): retryable when the service is away. */
    public static int ofServiceFailure(boolean retryable) {
        return retryable ? DELAY : SERVERFAULT;
    }
}
