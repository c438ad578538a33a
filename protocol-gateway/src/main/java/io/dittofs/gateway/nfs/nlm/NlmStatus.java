package io.dittofs.gateway.nfs.nlm;

import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.locks.LockStatus;

/**
 * nlm4_stats / nlm_stats, and the tables from the neutral lock and file outcomes to them. Versions
 * 1 and 3 only know 0..5; the version-4 failures map to DENIED_NOLOCKS there, which clients treat
 * as a hard "no locks available".
 */
public final class NlmStatus {

    public static final int GRANTED = 0;
    public static final int DENIED = 1;
    public static final int DENIED_NOLOCKS = 2;
    public static final int BLOCKED = 3;
    public static final int DENIED_GRACE_PERIOD = 4;
    public static final int DEADLCK = 5;
    public static final int ROFS = 6;
    public static final int STALE_FH = 7;
    public static final int FBIG = 8;
    public static final int FAILED = 9;

    private NlmStatus() {
    }

    /** The one table from the neutral lock outcome to nlm4_stats. */
    public static int of(LockStatus s, int version) {
        int v4 = switch (s) {
            case OK, NOT_LOCKED -> GRANTED; // unlocking nothing succeeds (POSIX)
            case DENIED, SHARE_DENIED, LOCKED, BREAK_PENDING, NO_GRACE, RECLAIM_BAD, BAD_STATE -> DENIED;
            case DEADLOCK -> DEADLCK;
            case GRACE -> DENIED_GRACE_PERIOD;
            case EXPIRED, DELAY -> DENIED_NOLOCKS;
            case INVAL, SERVERFAULT -> FAILED;
        };
        return forVersion(v4, version);
    }

    /** The file behind a lock request could not be used. */
    public static int of(FsStatus s, int version) {
        int v4 = switch (s) {
            case OK -> GRANTED;
            case STALE, BADHANDLE, NOENT -> STALE_FH;
            case ROFS -> ROFS;
            case FBIG -> FBIG;
            case ACCESS, PERM -> DENIED;
            case DELAY, IO -> DENIED_NOLOCKS;
            default -> FAILED;
        };
        return forVersion(v4, version);
    }

    /** Restricts a version-4 status to what a version 1/3 client understands. */
    public static int forVersion(int v4Status, int version) {
        return version >= 4 || v4Status <= DEADLCK ? v4Status : DENIED_NOLOCKS;
    }
}
