package io.dittofs.gateway.locks;

/** What the lock-service tells a gateway about the clients it serves. */
public sealed interface LockEvent {

    /** A queued blocking lock was granted to {@code target}'s owner. */
    record Granted(LockTarget target, boolean exclusive, byte[] lockId) implements LockEvent {
    }

    /** The holder of a caching grant must reduce it to {@code newBits} before {@code deadlineEpochMs}. */
    record Break(ClientRef client, byte[] grantId, byte[] file, int currentBits, int newBits, byte[] leaseKey,
            long deadlineEpochMs) implements LockEvent {
    }
}
