package io.dittofs.control.shares;

import io.dittofs.control.stores.StoreEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@Entity
@Table(name = "dfs_share")
public class ShareEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true)
    private String name;
    private String exportPath;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "metadata_store_id")
    private StoreEntity metadataStore;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "block_store_id")
    private StoreEntity blockStore;
    private boolean readOnly;
    @Enumerated(EnumType.STRING)
    private Squash squash = Squash.ROOT;
    private long anonymousUid = 65534;
    private long anonymousGid = 65534;
    private boolean nfsEnabled = true;
    private boolean smbEnabled = true;
    private boolean smbEncryptionRequired;
    private boolean guestAllowed;
    @Enumerated(EnumType.STRING)
    private Permission defaultPermission = Permission.READ_WRITE;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "dfs_share_network", joinColumns = @JoinColumn(name = "share_id"))
    @Column(name = "cidr")
    private Set<String> allowedNetworks = new LinkedHashSet<>();
    @OneToMany(mappedBy = "share", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    private List<SharePermissionEntity> permissions = new ArrayList<>();
    @Version
    private long version;

    protected ShareEntity() {
    }

    public ShareEntity(String name) {
        this.name = name;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getExportPath() { return exportPath; }
    public void setExportPath(String exportPath) { this.exportPath = exportPath; }
    public StoreEntity getMetadataStore() { return metadataStore; }
    public void setMetadataStore(StoreEntity metadataStore) { this.metadataStore = metadataStore; }
    public StoreEntity getBlockStore() { return blockStore; }
    public void setBlockStore(StoreEntity blockStore) { this.blockStore = blockStore; }
    public boolean isReadOnly() { return readOnly; }
    public void setReadOnly(boolean readOnly) { this.readOnly = readOnly; }
    public Squash getSquash() { return squash; }
    public void setSquash(Squash squash) { this.squash = squash; }
    public long getAnonymousUid() { return anonymousUid; }
    public void setAnonymousUid(long anonymousUid) { this.anonymousUid = anonymousUid; }
    public long getAnonymousGid() { return anonymousGid; }
    public void setAnonymousGid(long anonymousGid) { this.anonymousGid = anonymousGid; }
    public boolean isNfsEnabled() { return nfsEnabled; }
    public void setNfsEnabled(boolean nfsEnabled) { this.nfsEnabled = nfsEnabled; }
    public boolean isSmbEnabled() { return smbEnabled; }
    public void setSmbEnabled(boolean smbEnabled) { this.smbEnabled = smbEnabled; }
    public boolean isSmbEncryptionRequired() { return smbEncryptionRequired; }
    public void setSmbEncryptionRequired(boolean v) { this.smbEncryptionRequired = v; }
    public boolean isGuestAllowed() { return guestAllowed; }
    public void setGuestAllowed(boolean guestAllowed) { this.guestAllowed = guestAllowed; }
    public Permission getDefaultPermission() { return defaultPermission; }
    public void setDefaultPermission(Permission p) { this.defaultPermission = p; }
    public Set<String> getAllowedNetworks() { return allowedNetworks; }
    public List<SharePermissionEntity> getPermissions() { return permissions; }
}
