package io.dittofs.gateway.identity;

import io.dittofs.contracts.common.v1.Identity;
import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.Credential;

/** Principals from what a call carries, and to the services' identity. */
public final class Principals {

    private Principals() {
    }

    /** The caller an ONC RPC credential asserts (AUTH_SYS ids, AUTH_NONE anonymous), before any squash. */
    public static Principal of(CallContext ctx) {
        return switch (ctx.credential()) {
            case Credential.Sys sys -> new Principal(sys.uid(), sys.gid(), sys.gids(), false, ctx.clientAddress());
            case Credential.None none -> Principal.anonymous(ctx.clientAddress());
        };
    }

    /** The contracts' identity (the services and the share grants judge this). */
    public static Identity contract(Principal p) {
        Identity.Builder b = Identity.newBuilder().setUid(p.uid()).setGid(p.gid()).setAnonymous(p.anonymous())
                .setClientAddress(p.clientAddress());
        p.gids().forEach(b::addGids);
        return b.build();
    }
}
