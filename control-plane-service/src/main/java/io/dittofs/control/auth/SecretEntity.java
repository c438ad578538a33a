package io.dittofs.control.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Server-side secrets generated once and kept across restarts (the JWT signing key). */
@Entity
@Table(name = "dfs_secret")
public class SecretEntity {

    @Id
    private String name;
    @Column(name = "val")
    private byte[] value;

    protected SecretEntity() {
    }

    public SecretEntity(String name, byte[] value) {
        this.name = name;
        this.value = value.clone();
    }

    public byte[] getValue() { return value.clone(); }
}
