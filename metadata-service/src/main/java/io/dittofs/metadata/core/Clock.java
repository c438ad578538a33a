package io.dittofs.metadata.core;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wall-clock nanoseconds that never repeat within a process, so every change gets a distinct
 * ctime (the SETATTR guard and client caches compare ctimes for equality).
 */
public final class Clock {

    private final AtomicLong last = new AtomicLong();

    public long now() {
        Instant t = Instant.now();
        long wall = t.getEpochSecond() * 1_000_000_000L + t.getNano();
        return last.accumulateAndGet(wall, (prev, w) -> Math.max(prev + 1, w));
    }
}
