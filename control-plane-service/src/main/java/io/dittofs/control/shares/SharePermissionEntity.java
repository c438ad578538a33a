package io.dittofs.control.shares;

import io.dittofs.control.groups.GroupEntity;
import io.dittofs.control.users.UserEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One grant on a share: exactly one of user or group is set (a CHECK constraint says so too). */
@Entity
@Table(name = "dfs_share_permission")
public class SharePermissionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "share_id")
    private ShareEntity share;
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "user_id")
    private UserEntity user;
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "group_id")
    private GroupEntity group;
    @Enumerated(EnumType.STRING)
    private Permission permission;

    protected SharePermissionEntity() {
    }

    public SharePermissionEntity(ShareEntity share, UserEntity user, GroupEntity group, Permission permission) {
        this.share = share;
        this.user = user;
        this.group = group;
        this.permission = permission;
    }

    public UserEntity getUser() { return user; }
    public GroupEntity getGroup() { return group; }
    public Permission getPermission() { return permission; }
    public void setPermission(Permission permission) { this.permission = permission; }
}
