package io.dittofs.gateway.share;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.contracts.common.v1.Identity;
import io.dittofs.contracts.control.ConfigView;
import io.dittofs.contracts.control.v1.ConfigSnapshot;
import io.dittofs.contracts.control.v1.Group;
import io.dittofs.contracts.control.v1.PermissionGrant;
import io.dittofs.contracts.control.v1.SharePermission;
import io.dittofs.contracts.control.v1.User;
import io.dittofs.gateway.share.SharePermissions.Level;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharePermissionsTest {

    private static Identity id(int uid, int gid, int... gids) {
        Identity.Builder b = Identity.newBuilder().setUid(uid).setGid(gid);
        for (int g : gids) {
            b.addGids(g);
        }
        return b.build();
    }

    @Test
    void userAndGroupGrantsBeatTheDefaultAndTheMostPermissiveWins() {
        SharePermissions p = new SharePermissions(Level.NONE, Map.of(1000, Level.READ), Map.of(50, Level.READ_WRITE, 60, Level.NONE));
        assertThat(p.of(id(1000, 1000))).isEqualTo(Level.READ);
        assertThat(p.of(id(1000, 1000, 50))).as("supplementary group grant").isEqualTo(Level.READ_WRITE);
        assertThat(p.of(id(2000, 50))).as("primary group grant").isEqualTo(Level.READ_WRITE);
        assertThat(p.of(id(2000, 60))).isEqualTo(Level.NONE);
        assertThat(p.of(id(3000, 3000))).as("no grant: the default").isEqualTo(Level.NONE);
        assertThat(SharePermissions.EVERYONE.of(id(3000, 3000))).isEqualTo(Level.READ_WRITE);
    }

    @Test
    void grantsByNameResolveThroughTheViewAndUnknownNamesAreDropped() {
        ConfigView view = ConfigView.of(ConfigSnapshot.newBuilder().setRevision(1)
                .addUsers(User.newBuilder().setName("alice").setUid(1001).setGid(1001).setEnabled(true))
                .addGroups(Group.newBuilder().setName("eng").setGid(500))
                .build());
        var share = io.dittofs.contracts.control.v1.Share.newBuilder().setName("live").setNfsEnabled(true)
                .setDefaultPermission(SharePermission.PERMISSION_READ)
                .addGrants(PermissionGrant.newBuilder().setUser("alice").setPermission(SharePermission.PERMISSION_NONE))
                .addGrants(PermissionGrant.newBuilder().setGroup("eng").setPermission(SharePermission.PERMISSION_ADMIN))
                .addGrants(PermissionGrant.newBuilder().setUser("ghost").setPermission(SharePermission.PERMISSION_READ_WRITE))
                .build();
        SharePermissions p = WatchShareRegistry.toShare(share, view).orElseThrow().permissions();
        assertThat(p.byUid()).containsExactly(Map.entry(1001, Level.NONE));
        assertThat(p.byGid()).containsExactly(Map.entry(500, Level.READ_WRITE));
        assertThat(p.of(id(1001, 1001))).isEqualTo(Level.NONE);
        assertThat(p.of(id(1001, 1001, 500))).isEqualTo(Level.READ_WRITE);
        assertThat(p.of(id(4242, 4242))).isEqualTo(Level.READ);
    }
}
