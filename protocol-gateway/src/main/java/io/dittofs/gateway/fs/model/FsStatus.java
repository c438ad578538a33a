package io.dittofs.gateway.fs.model;

/**
 * Neutral outcome of a file-system operation as the gateway's protocols see it. Each protocol maps
 * these in its own single table (NFSv3: {@code Nfs3Status}); the gRPC implementation maps the
 * contracts' Status onto these one by one.
 */
public enum FsStatus {
    OK,
    NOENT, EXIST, NOTDIR, ISDIR, NOTEMPTY, NAMETOOLONG, INVALID_NAME, XDEV, MLINK, LOOP, INVAL, BADTYPE,
    STALE, BADHANDLE,
    ACCESS, PERM, ROFS,
    NOSPC, DQUOT, FBIG, IO,
    BAD_COOKIE, TOOSMALL,
    NOT_SYNC, NOXATTR, XATTR_EXISTS, NOTSUPP,
    /** A lock, share reservation, lease break or grace period stands in the way: retry later. */
    LOCK_CONFLICT,
    /** Lock or open state that the caller holds is unknown, expired or inconsistent. */
    BAD_STATE,
    DELAY,
    SERVERFAULT;

    public boolean ok() {
        return this == OK;
    }
}
