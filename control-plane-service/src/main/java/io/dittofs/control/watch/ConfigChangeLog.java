package io.dittofs.control.watch;

import io.dittofs.contracts.control.v1.ConfigEvent;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(ConfigChangeLog.class);

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
                // the server's log is where an operator looks for "who changed the shares when"
                log.info("config revision {}: {}", revision, describe(event));
                bus.publishCommitted();
            }
        });
        return revision;
    }

    /** One line per change; never secrets (users are named, not shown). */
    static String describe(ConfigEvent e) {
        return switch (e.getChangeCase()) {
            case SHARE_UPSERTED -> {
                var s = e.getShareUpserted();
                yield "share '" + s.getName() + "' saved: export " + s.getExportPath() + (s.getReadOnly() ? " read-only" : "")
                        + " squash " + s.getSquash().name().replace("SQUASH_", "") + " networks "
                        + (s.getAllowedNetworksCount() == 0 ? "any" : String.join(",", s.getAllowedNetworksList()))
                        + (s.getNfsEnabled() ? " nfs" : "") + (s.getSmbEnabled() ? " smb" : "");
            }
            case SHARE_DELETED -> "share '" + e.getShareDeleted() + "' deleted";
            case ADAPTER_UPSERTED -> "adapter '" + e.getAdapterUpserted().getKind() + "' saved";
            case USER_UPSERTED -> "user '" + e.getUserUpserted().getName() + "' saved";
            case USER_DELETED -> "user '" + e.getUserDeleted() + "' deleted";
            case GROUP_UPSERTED -> "group '" + e.getGroupUpserted().getName() + "' saved";
            case GROUP_DELETED -> "group '" + e.getGroupDeleted() + "' deleted";
            case METADATA_STORE_UPSERTED -> "metadata store '" + e.getMetadataStoreUpserted().getName() + "' saved";
            case BLOCK_STORE_UPSERTED -> "block store '" + e.getBlockStoreUpserted().getName() + "' saved";
            case SNAPSHOT, CHANGE_NOT_SET -> e.getChangeCase().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
