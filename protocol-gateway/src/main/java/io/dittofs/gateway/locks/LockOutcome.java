package io.dittofs.gateway.locks;

/** {@code queued}: a blocking request waits; a {@link LockEvent.Granted} follows. */
public record LockOutcome(LockStatus status, boolean queued, Conflict conflict, byte[] lockId) {

    /** The lock that stands in the way, as TEST/LOCKT/SMB report it. */
    public record Conflict(byte[] clientId, byte[] owner, long offset, long length, boolean exclusive,
            LockProtocol protocol) {
    }
}
