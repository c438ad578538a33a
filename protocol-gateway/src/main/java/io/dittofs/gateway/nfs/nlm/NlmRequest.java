package io.dittofs.gateway.nfs.nlm;

import io.dittofs.gateway.locks.LockManager;
import io.dittofs.gateway.rpc.CallContext;

/** One NLM call as a procedure sees it: the caller, its protocol version and the shared NLM state. */
public record NlmRequest(CallContext ctx, int version, LockManager locks, NlmHosts hosts, NlmFiles files,
                         NlmShares shares) {

    public NlmHosts.Host host(String callerName) {
        return hosts.host(callerName, ctx.remote().getAddress(), version);
    }
}
