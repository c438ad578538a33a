package io.dittofs.gateway.locks;

/**
 * An open's outcome: its id and, when a caching grant was asked for and given, the grant's bits
 * and id (an NFSv4 delegation stateid carries the grant id).
 */
public record OpenOutcome(LockStatus status, byte[] openId, int grantBits, byte[] grantId) {

    public OpenOutcome(LockStatus status, byte[] openId) {
        this(status, openId, 0, new byte[0]);
    }
}
