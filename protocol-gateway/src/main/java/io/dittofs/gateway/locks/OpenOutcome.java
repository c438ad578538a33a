package io.dittofs.gateway.locks;

public record OpenOutcome(LockStatus status, byte[] openId) {
}
