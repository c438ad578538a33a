package io.dittofs.lock.core;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A clock tests move by hand. */
public final class TestClock implements LongSupplier {
    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);

    @Override
    public long getAsLong() {
        return now.get();
    }

    public void advanceMs(long ms) {
        now.addAndGet(ms);
    }
}
