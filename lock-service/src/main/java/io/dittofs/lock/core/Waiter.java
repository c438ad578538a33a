package io.dittofs.lock.core;

/** A queued blocking lock request: granted in FIFO order when nothing (held or queued before it) conflicts. */
public record Waiter(HeldLock request, long seq) {
    public Owner owner() {
        return request.owner();
    }
}
