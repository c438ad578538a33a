package io.dittofs.gateway.locks;

/**
 * Neutral outcome of a lock-service call as the gateway's protocols see it; each protocol maps it
 * in its own status table (NLM: {@code NlmStatus}).
 */
public enum LockStatus {
    OK,
    /** A byte-range lock conflicts. */
    DENIED,
    /** A share reservation / share mode conflicts. */
    SHARE_DENIED,
    /** I/O would cross another owner's mandatory lock. */
    LOCKED,
    DEADLOCK,
    /** Only reclaims are granted during the grace period. */
    GRACE,
    /** A reclaim outside the grace period, or of state the service never had. */
    NO_GRACE,
    RECLAIM_BAD,
    EXPIRED,
    /** Unknown lock / open / grant id. */
    BAD_STATE,
    /** Unlock of a range that is not locked. */
    NOT_LOCKED,
    /** A caching grant is being recalled; retry after the break. */
    BREAK_PENDING,
    INVAL,
    /** Transient: retry later (also: the lock-service is unreachable). */
    DELAY,
    SERVERFAULT;

    public boolean ok() {
        return this == OK;
    }
}
