package io.dittofs.control.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A local DittoFS user. Secrets (password hash, NT hash) stay in this entity and never reach a DTO. */
@Entity
@Table(name = "dfs_user")
public class UserEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true)
    private String name;
    private long uid;
    private long gid;
    private String passwordHash;
    private byte[] ntHash;
    private String kerberosPrincipal;
    @Column(nullable = false)
    private String sid;
    private boolean enabled;
    @Enumerated(EnumType.STRING)
    private Role role;
    private boolean mustChangePassword;
    @Version
    private long version;

    protected UserEntity() {
    }

    public UserEntity(String name, long uid, long gid, String sid, Role role) {
        this.name = name;
        this.uid = uid;
        this.gid = gid;
        this.sid = sid;
        this.role = role;
        this.enabled = true;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public long getUid() { return uid; }
    public void setUid(long uid) { this.uid = uid; }
    public long getGid() { return gid; }
    public void setGid(long gid) { this.gid = gid; }
    public String getPasswordHash() { return passwordHash; }
    public byte[] getNtHash() { return ntHash; }
    public void setCredentials(String passwordHash, byte[] ntHash) {
        this.passwordHash = passwordHash;
        this.ntHash = ntHash;
    }
    public String getKerberosPrincipal() { return kerberosPrincipal; }
    public void setKerberosPrincipal(String kerberosPrincipal) { this.kerberosPrincipal = kerberosPrincipal; }
    public String getSid() { return sid; }
    public void setSid(String sid) { this.sid = sid; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public Role getRole() { return role; }
    public void setRole(Role role) { this.role = role; }
    public boolean isMustChangePassword() { return mustChangePassword; }
    public void setMustChangePassword(boolean mustChangePassword) { this.mustChangePassword = mustChangePassword; }
}
