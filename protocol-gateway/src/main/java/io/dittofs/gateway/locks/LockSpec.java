package io.dittofs.gateway.locks;

/** A lock request: exclusive or shared, queued when {@code blocking}, a reclaim during grace. */
public record LockSpec(LockTarget target, boolean exclusive, boolean blocking, boolean reclaim, byte[] openId) {
}
