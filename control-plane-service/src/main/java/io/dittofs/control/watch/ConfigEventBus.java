package io.dittofs.control.watch;

import io.dittofs.contracts.control.v1.ConfigEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers committed configuration events to in-JVM subscribers (the gRPC watch streams) in
 * revision order without gaps: after each commit it reads every persisted event newer than the
 * last one delivered, so two transactions whose after-commit callbacks race still publish 5 then 6.
 */
public class ConfigEventBus {

    private static final Logger log = LoggerFactory.getLogger(ConfigEventBus.class);

    private final ConfigEventRepository events;
    private final TransactionTemplate readNew;
    private final List<Consumer<ConfigEvent>> subscribers = new CopyOnWriteArrayList<>();
    private long lastPublished = -1;

    public ConfigEventBus(ConfigEventRepository events, PlatformTransactionManager txManager) {
        this.events = events;
        this.readNew = new TransactionTemplate(txManager);
        this.readNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readNew.setReadOnly(true);
    }

    public Runnable subscribe(Consumer<ConfigEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** Called after a configuration transaction committed. */
    public synchronized void publishCommitted() {
        if (lastPublished < 0) {
            // first publication since start: earlier events were served from the store, not the bus
            lastPublished = 0;
        }
        List<ConfigEventEntity> fresh = readNew.execute(s -> events.findByRevisionGreaterThanOrderByRevisionAsc(lastPublished));
        if (fresh == null) {
            return;
        }
        for (ConfigEventEntity row : fresh) {
            ConfigEvent event = ConfigEvents.parse(row.getPayload());
            lastPublished = row.getRevision();
            for (Consumer<ConfigEvent> s : subscribers) {
                try {
                    s.accept(event);
                } catch (RuntimeException e) {
                    log.warn("config watch subscriber failed on revision {}; it is dropped", row.getRevision(), e);
                    subscribers.remove(s);
                }
            }
        }
    }

    /** Starts publishing after the given revision (the store's current one at start-up). */
    public synchronized void startAfter(long revision) {
        lastPublished = revision;
    }
}
