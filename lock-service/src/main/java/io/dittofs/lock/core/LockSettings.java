package io.dittofs.lock.core;

import java.time.Duration;

/**
 * @param grace        how long after a start with persisted state only reclaims are granted
 * @param breakTimeout how long a holder has to acknowledge a break before its grant is revoked
 */
public record LockSettings(Duration grace, Duration breakTimeout) {
    public LockSettings {
        if (grace.isNegative() || breakTimeout.isNegative() || breakTimeout.isZero()) {
            throw new IllegalArgumentException("grace must be >= 0 and break timeout > 0 (got " + grace + ", " + breakTimeout + ")");
        }
    }

    public static LockSettings defaults() {
        return new LockSettings(Duration.ofSeconds(90), Duration.ofSeconds(35));
    }
}
