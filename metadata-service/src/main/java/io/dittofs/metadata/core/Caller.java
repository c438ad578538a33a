package io.dittofs.metadata.core;

import io.dittofs.contracts.Identities;
import io.dittofs.contracts.common.v1.Identity;
import java.util.Arrays;

/** The caller's credentials as the permission rules need them (squash already applied upstream). */
public record Caller(int uid, int gid, int[] groups) {

    public Caller {
        groups = groups.clone();
    }

    /**
     * A request without an identity is treated as the anonymous user, never as uid 0 (proto3's
     * default), so a gateway bug cannot grant root.
     */
    public static Caller of(boolean present, Identity id) {
        if (!present) {
            return new Caller(Identities.NOBODY, Identities.NOBODY, new int[0]);
        }
        int[] groups = new int[id.getGidsCount()];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = id.getGids(i);
        }
        return new Caller(id.getUid(), id.getGid(), groups);
    }

    public boolean root() {
        return uid == 0;
    }

    public boolean inGroup(int g) {
        if (g == gid) {
            return true;
        }
        for (int x : groups) {
            if (x == g) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Caller c && c.uid == uid && c.gid == gid && Arrays.equals(c.groups, groups);
    }

    @Override
    public int hashCode() {
        return uid * 31 + gid;
    }

    @Override
    public String toString() {
        return "uid=" + uid + " gid=" + gid + " groups=" + Arrays.toString(groups);
    }
}
