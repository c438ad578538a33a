package io.dittofs.gateway.locks;

import io.dittofs.contracts.common.v1.Status;

/** {@code queued}: a blocking request waits; a {@link LockEvent.Granted} follows. */
public record LockOutcome(Status status, boolean queued, Conflict conflict, byte[] lockId) {

    /** The lock that stands in the way, as TEST/LOCKT/SMB report it. */
    public record Conflict(byte[] clientId, byte[] owner, long offset, long length, boolean exclusive,
            LockProtocol protocol) {
    }
}
