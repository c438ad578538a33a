package io.dittofs.lock.core;

/** What a gateway must hear about: a grant to break, or a queued lock that was granted. */
public sealed interface CoreEvent {

    String gatewayId();

    /** Ask the holder of {@code grant} to drop to {@code grant.breakTo()} by {@code grant.deadlineMs()}. */
    record Break(String gatewayId, GrantEntry grant) implements CoreEvent {
    }

    /** A blocking lock request left the queue: {@code lock} is now held. */
    record Granted(String gatewayId, HeldLock lock) implements CoreEvent {
    }
}
