package io.dittofs.control.watch;

import io.dittofs.contracts.control.v1.Adapter;
import io.dittofs.contracts.control.v1.Group;
import io.dittofs.contracts.control.v1.PermissionGrant;
import io.dittofs.contracts.control.v1.Share;
import io.dittofs.contracts.control.v1.SharePermission;
import io.dittofs.contracts.control.v1.Squash;
import io.dittofs.contracts.control.v1.StoreDefinition;
import io.dittofs.contracts.control.v1.User;
import io.dittofs.control.adapters.AdapterEntity;
import io.dittofs.control.groups.GroupEntity;
import io.dittofs.control.shares.Permission;
import io.dittofs.control.shares.ShareEntity;
import io.dittofs.control.shares.SharePermissionEntity;
import io.dittofs.control.stores.StoreEntity;
import io.dittofs.control.users.UserEntity;
import java.util.Collection;
import java.util.List;

/** Entities to the control.proto messages the data path sees (never any secret). */
public final class ProtoMapper {

    private ProtoMapper() {
    }

    public static User user(UserEntity u, Collection<GroupEntity> memberOf) {
        User.Builder b = User.newBuilder()
                .setName(u.getName())
                .setUid((int) u.getUid())
                .setGid((int) u.getGid())
                .setSid(u.getSid())
                .setEnabled(u.isEnabled());
        if (u.getKerberosPrincipal() != null) {
            b.setKerberosPrincipal(u.getKerberosPrincipal());
        }
        memberOf.stream().mapToLong(GroupEntity::getGid).sorted().forEach(g -> b.addGids((int) g));
        return b.build();
    }

    public static Group group(GroupEntity g) {
        return Group.newBuilder()
                .setName(g.getName())
                .setGid((int) g.getGid())
                .setSid(g.getSid())
                .addAllMembers(g.getMembers().stream().map(UserEntity::getName).sorted().toList())
                .build();
    }

    public static Share share(ShareEntity s) {
        Share.Builder b = Share.newBuilder()
                .setName(s.getName())
                .setShareId(s.getId() == null ? 0 : (int) (long) s.getId())
                .setExportPath(s.getExportPath())
                .setMetadataStore(s.getMetadataStore().getName())
                .setBlockStore(s.getBlockStore().getName())
                .setReadOnly(s.isReadOnly())
                .setSquash(switch (s.getSquash()) {
                    case NONE -> Squash.SQUASH_NONE;
                    case ROOT -> Squash.SQUASH_ROOT;
                    case ALL -> Squash.SQUASH_ALL;
                })
                .setAnonymousUid((int) s.getAnonymousUid())
                .setAnonymousGid((int) s.getAnonymousGid())
                .addAllAllowedNetworks(s.getAllowedNetworks().stream().sorted().toList())
                .setNfsEnabled(s.isNfsEnabled())
                .setSmbEnabled(s.isSmbEnabled())
                .setSmbEncryptionRequired(s.isSmbEncryptionRequired())
                .setGuestAllowed(s.isGuestAllowed())
                .setDefaultPermission(permission(s.getDefaultPermission()));
        for (SharePermissionEntity p : s.getPermissions()) {
            PermissionGrant.Builder g = PermissionGrant.newBuilder().setPermission(permission(p.getPermission()));
            if (p.getUser() != null) {
                g.setUser(p.getUser().getName());
            } else {
                g.setGroup(p.getGroup().getName());
            }
            b.addGrants(g);
        }
        return b.build();
    }

    public static SharePermission permission(Permission p) {
        return switch (p) {
            case NONE -> SharePermission.PERMISSION_NONE;
            case READ -> SharePermission.PERMISSION_READ;
            case READ_WRITE -> SharePermission.PERMISSION_READ_WRITE;
            case ADMIN -> SharePermission.PERMISSION_ADMIN;
        };
    }

    public static StoreDefinition store(StoreEntity s) {
        return StoreDefinition.newBuilder().setName(s.getName()).setKind(s.getKind()).putAllSettings(s.getSettings()).build();
    }

    public static Adapter adapter(AdapterEntity a) {
        return Adapter.newBuilder()
                .setKind(a.getKind())
                .setEnabled(a.isEnabled())
                .setPort(a.getPort())
                .setMinVersion(a.getMinVersion())
                .setMaxVersion(a.getMaxVersion())
                .setLeaseSeconds(a.getLeaseSeconds())
                .setGraceSeconds(a.getGraceSeconds())
                .setPortmapPort(a.getPortmapPort())
                .build();
    }

    public static List<User> users(Collection<UserEntity> users, java.util.function.Function<UserEntity, Collection<GroupEntity>> groupsOf) {
        return users.stream().map(u -> user(u, groupsOf.apply(u))).toList();
    }
}
