package io.dittofs.gateway.rpc.auth;

import io.dittofs.gateway.rpc.Authenticator;
import io.dittofs.gateway.rpc.RpcMessage;

/**
 * One authentication flavor (RFC 5531 §8). {@link #authenticate} checks the call's credential and
 * verifier and returns the caller plus the {@link io.dittofs.gateway.rpc.CallSecurity} that writes
 * the reply verifier and unwraps arguments / wraps results. AUTH_NONE and AUTH_SYS today;
 * RPCSEC_GSS (RFC 2203) is one more implementation.
 */
public interface AuthFlavor {

    int flavor();

    /** Pure over the call's bytes for NONE and SYS; may consult context state (GSS). Never throws on bad input. */
    Authenticator.Result authenticate(RpcMessage.Call call);
}
