package io.dittofs.gateway.rpc;

/** Turns a call's credential and verifier into an accepted caller or an auth_stat (see {@code rpc.auth}). */
@FunctionalInterface
public interface Authenticator {

    Result authenticate(RpcMessage.Call call);

    /** The outcome of authenticating one call. */
    sealed interface Result {
    }

    record Accepted(Credential credential, CallSecurity security) implements Result {
    }

    record Rejected(AuthStat stat) implements Result {
    }
}
