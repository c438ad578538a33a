package io.dittofs.gateway.nfs.v4.state;

import io.dittofs.gateway.locks.LockStatus;
import io.dittofs.gateway.nfs.v4.Nfs4Status;

/** The one table from the lock-service's neutral {@link LockStatus} to nfsstat4. */
public final class Nfs4LockStatus {

    private Nfs4LockStatus() {
    }

    public static int of(LockStatus s) {
        return switch (s) {
            case OK, NOT_LOCKED -> Nfs4Status.OK;
            case DENIED -> Nfs4Status.DENIED;
            case SHARE_DENIED -> Nfs4Status.SHARE_DENIED;
            case LOCKED -> Nfs4Status.LOCKED;
            case DEADLOCK -> Nfs4Status.DEADLOCK;
            case GRACE -> Nfs4Status.GRACE;
            case NO_GRACE -> Nfs4Status.NO_GRACE;
            case RECLAIM_BAD -> Nfs4Status.RECLAIM_BAD;
            case EXPIRED -> Nfs4Status.EXPIRED;
            case BAD_STATE -> Nfs4Status.BAD_STATEID;
            case BREAK_PENDING, DELAY -> Nfs4Status.DELAY;
            case INVAL -> Nfs4Status.INVAL;
            case SERVERFAULT -> Nfs4Status.SERVERFAULT;
        };
    }
}
