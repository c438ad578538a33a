package io.dittofs.metadata.storetest;

import io.dittofs.contracts.Identities;
import io.dittofs.contracts.common.v1.Identity;

/** Callers used by the suite. */
public final class Ids {
    public static final Identity ROOT = Identities.root();
    public static final Identity ALICE = Identities.user(1000, 1000, 3000);
    public static final Identity BOB = Identities.user(1001, 1001);
    /** In alice's supplementary group 3000. */
    public static final Identity CAROL = Identities.user(1002, 1002, 3000);

    private Ids() {
    }
}
