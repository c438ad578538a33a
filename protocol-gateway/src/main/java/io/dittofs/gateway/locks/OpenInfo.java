package io.dittofs.gateway.locks;

/**
 * One open as the lock-service holds it; {@code lockCount} byte-range locks were taken through it.
 * Fields other than {@code status} are empty unless it is OK.
 */
public record OpenInfo(LockStatus status, byte[] file, ClientRef client, byte[] owner, int access, int deny,
                       int lockCount) {
}
