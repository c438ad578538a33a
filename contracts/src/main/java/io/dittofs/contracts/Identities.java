package io.dittofs.contracts;

import io.dittofs.contracts.common.v1.Identity;

/** Well-known identities. */
public final class Identities {

    public static final int NOBODY = 65534;

    private Identities() {
    }

    public static Identity root() {
        return Identity.newBuilder().setUid(0).setGid(0).build();
    }

    public static Identity user(int uid, int gid, int... groups) {
        Identity.Builder b = Identity.newBuilder().setUid(uid).setGid(gid);
        for (int g : groups) {
            b.addGids(g);
        }
        return b.build();
    }

    public static Identity anonymous() {
        return Identity.newBuilder().setUid(NOBODY).setGid(NOBODY).setAnonymous(true).build();
    }
}
