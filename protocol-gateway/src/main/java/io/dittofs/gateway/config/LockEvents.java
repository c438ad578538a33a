package io.dittofs.gateway.config;

import io.dittofs.gateway.lifecycle.Phases;
import io.dittofs.gateway.locks.LockEventRouter;
import io.dittofs.gateway.locks.LockManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Subscribes this gateway to the lock-service's events once the services are hosted; ends with the listeners. */
public final class LockEvents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LockEvents.class);
    private final LockManager locks;
    private final LockEventRouter router;
    private volatile AutoCloseable subscription;

    public LockEvents(LockManager locks, LockEventRouter router) {
        this.locks = locks;
        this.router = router;
    }

    @Override
    public synchronized void start() {
        subscription = locks.watch(router);
    }

    @Override
    public synchronized void stop() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                log.warn("closing the lock event stream failed: {}", e.toString());
            }
            subscription = null;
        }
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }

    @Override
    public int getPhase() {
        return Phases.LISTENERS;
    }
}
