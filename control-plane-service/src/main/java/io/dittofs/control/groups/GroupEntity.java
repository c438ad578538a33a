package io.dittofs.control.groups;

import io.dittofs.control.users.UserEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.LinkedHashSet;
import java.util.Set;

@Entity
@Table(name = "dfs_group")
public class GroupEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true)
    private String name;
    private long gid;
    @Column(nullable = false)
    private String sid;
    @ManyToMany
    @JoinTable(name = "dfs_group_member",
            joinColumns = @JoinColumn(name = "group_id"),
            inverseJoinColumns = @JoinColumn(name = "user_id"))
    private Set<UserEntity> members = new LinkedHashSet<>();
    @Version
    private long version;

    protected GroupEntity() {
    }

    public GroupEntity(String name, long gid, String sid) {
        this.name = name;
        this.gid = gid;
        this.sid = sid;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public long getGid() { return gid; }
    public void setGid(long gid) { this.gid = gid; }
    public String getSid() { return sid; }
    public void setSid(String sid) { this.sid = sid; }
    public Set<UserEntity> getMembers() { return members; }
}
