package io.dittofs.gateway.rpc.auth;

import io.dittofs.gateway.rpc.AuthStat;
import io.dittofs.gateway.rpc.Authenticator;
import io.dittofs.gateway.rpc.RpcMessage;
import java.util.List;

/** The flavors a server accepts; a call in any other flavor is AUTH_REJECTEDCRED. */
public final class AuthFlavors implements Authenticator {

    private static final Rejected UNKNOWN = new Rejected(AuthStat.REJECTEDCRED);
    private final AuthFlavor[] flavors;

    public AuthFlavors(List<AuthFlavor> flavors) {
        this.flavors = flavors.toArray(AuthFlavor[]::new);
    }

    /** AUTH_SYS and AUTH_NONE. */
    public static AuthFlavors standard() {
        return new AuthFlavors(List.of(new AuthSys(), new AuthNone()));
    }

    @Override
    public Result authenticate(RpcMessage.Call call) {
        int f = call.credential().flavor();
        for (AuthFlavor flavor : flavors) {
            if (flavor.flavor() == f) {
                return flavor.authenticate(call);
            }
        }
        return UNKNOWN;
    }
}
