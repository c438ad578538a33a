package io.dittofs.control.watch;

import io.dittofs.contracts.control.v1.ConfigEvent;
import java.time.Instant;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records one configuration change inside the caller's transaction: bumps the revision (a row lock
 * that serializes writers until commit, so revisions are monotonic in commit order), persists the
 * event, and hands it to the bus once the transaction has committed. A rolled-back change leaves
 * neither a revision nor an event behind.
 */
public class ConfigChangeLog {

    private final ConfigEventRepository events;
    private final ConfigEventBus bus;

    public ConfigChangeLog(ConfigEventRepository events, ConfigEventBus bus) {
        this.events = events;
        this.bus = bus;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long record(ConfigEvent.Builder change) {
        events.bumpRevision();
        long revision = events.currentRevision();
        ConfigEvent event = change.setRevision(revision).build();
        events.save(new ConfigEventEntity(revision, Instant.now(), event.toByteArray()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                bus.publishCommitted();
            }
        });
        return revision;
    }
}
