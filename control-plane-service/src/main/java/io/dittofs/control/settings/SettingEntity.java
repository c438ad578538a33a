package io.dittofs.control.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A global setting as a name/value pair (e.g. "nfs.domain" for NFSv4 id mapping). */
@Entity
@Table(name = "dfs_setting")
public class SettingEntity {

    @Id
    private String name;
    @Column(name = "val")
    private String value;

    protected SettingEntity() {
    }

    public SettingEntity(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getName() { return name; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
}
