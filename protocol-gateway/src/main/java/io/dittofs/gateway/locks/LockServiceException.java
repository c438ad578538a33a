package io.dittofs.gateway.locks;

/** A lock-service answer the gateway cannot go on from (e.g. a client registration refused or unreachable). */
public final class LockServiceException extends RuntimeException {

    private final LockStatus status;

    public LockServiceException(LockStatus status) {
        super("lock-service answered " + status);
        this.status = status;
    }

    public LockStatus status() {
        return status;
    }
}
