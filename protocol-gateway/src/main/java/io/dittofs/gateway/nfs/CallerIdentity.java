package io.dittofs.gateway.nfs;

import io.dittofs.contracts.Identities;
import io.dittofs.contracts.common.v1.Identity;
import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.Credential;

/** The caller as the services see it, before the share's squash rule. */
public final class CallerIdentity {

    private CallerIdentity() {
    }

    public static Identity of(CallContext ctx) {
        Identity.Builder b = switch (ctx.credential()) {
            case Credential.Sys sys -> {
                Identity.Builder ib = Identity.newBuilder().setUid(sys.uid()).setGid(sys.gid());
                sys.gids().forEach(ib::addGids);
                yield ib;
            }
            case Credential.None none -> Identities.anonymous().toBuilder();
        };
        return b.setClientAddress(ctx.clientAddress()).build();
    }
}
