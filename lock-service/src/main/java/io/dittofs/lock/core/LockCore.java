package io.dittofs.lock.core;

import io.dittofs.lock.spi.LockStore;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock table with its clock: ticks {@link Housekeeping} on a daemon thread (lease expiry,
 * break revocation, end of grace). Operations live in {@code io.dittofs.lock.core.ops}.
 */
public final class LockCore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LockCore.class);

    private final LockTable table;
    private final ScheduledExecutorService ticker;
    private final ExecutorService delivery;

    /** A core ticked by hand (tests): {@code tickEvery} null. */
    public LockCore(LockStore store, LongSupplier clock, LockSettings settings, Duration tickEvery) {
        // hand-ticked cores (tests) deliver events synchronously; the service on virtual threads
        this.delivery = tickEvery == null ? null : Executors.newVirtualThreadPerTaskExecutor();
        this.table = new LockTable(store, new EventHub(delivery == null ? Runnable::run : delivery), clock, settings);
        if (tickEvery == null) {
            ticker = null;
        } else {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "lock-housekeeping");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleWithFixedDelay(this::safeTick, tickEvery.toMillis(), tickEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public static LockCore system(LockStore store, LockSettings settings) {
        return new LockCore(store, System::currentTimeMillis, settings, Duration.ofMillis(200));
    }

    public LockTable table() {
        return table;
    }

    public void tick() {
        Housekeeping.tick(table);
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            // the store may be down: the next tick tries again
            log.warn("lock housekeeping failed: {}", e.toString(), e);
        }
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (delivery != null) {
            delivery.shutdownNow();
        }
    }
}
