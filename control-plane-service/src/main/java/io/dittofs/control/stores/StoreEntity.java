package io.dittofs.control.stores;

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
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Map;
import java.util.TreeMap;

@Entity
@Table(name = "dfs_store")
public class StoreEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private StoreRole role;
    @Column(nullable = false)
    private String name;
    private String kind;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "dfs_store_setting", joinColumns = @JoinColumn(name = "store_id"))
    @MapKeyColumn(name = "name")
    @Column(name = "val")
    private Map<String, String> settings = new TreeMap<>();
    @Version
    private long version;

    protected StoreEntity() {
    }

    public StoreEntity(StoreRole role, String name, String kind) {
        this.role = role;
        this.name = name;
        this.kind = kind;
    }

    public Long getId() { return id; }
    public StoreRole getRole() { return role; }
    public String getName() { return name; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public Map<String, String> getSettings() { return settings; }
}
