package io.dittofs.control.watch;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A persisted configuration change: the serialized ConfigEvent at its revision. */
@Entity
@Table(name = "dfs_config_event")
public class ConfigEventEntity {

    @Id
    private long revision;
    private Instant createdAt;
    private byte[] payload;

    protected ConfigEventEntity() {
    }

    public ConfigEventEntity(long revision, Instant createdAt, byte[] payload) {
        this.revision = revision;
        this.createdAt = createdAt;
        this.payload = payload.clone();
    }

    public long getRevision() { return revision; }
    public byte[] getPayload() { return payload.clone(); }
}
