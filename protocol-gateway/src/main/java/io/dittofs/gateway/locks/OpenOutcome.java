package io.dittofs.gateway.locks;

import io.dittofs.contracts.common.v1.Status;

public record OpenOutcome(Status status, byte[] openId) {
}
