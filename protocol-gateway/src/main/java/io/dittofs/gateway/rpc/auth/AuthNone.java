package io.dittofs.gateway.rpc.auth;

import io.dittofs.gateway.rpc.AuthStat;
import io.dittofs.gateway.rpc.Authenticator;
import io.dittofs.gateway.rpc.CallSecurity;
import io.dittofs.gateway.rpc.Credential;
import io.dittofs.gateway.rpc.RpcMessage;

/** AUTH_NONE (RFC 5531 §10.1): an anonymous caller. */
public final class AuthNone implements AuthFlavor {

    private static final Authenticator.Accepted ANONYMOUS = new Authenticator.Accepted(new Credential.None(), CallSecurity.NONE);

    @Override
    public int flavor() {
        return Credential.AUTH_NONE;
    }

    @Override
    public Authenticator.Result authenticate(RpcMessage.Call call) {
        return AuthSys.plainVerifier(call) ? ANONYMOUS : new Authenticator.Rejected(AuthStat.BADVERF);
    }
}
