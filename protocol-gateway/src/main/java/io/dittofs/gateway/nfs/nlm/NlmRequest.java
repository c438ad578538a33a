package io.dittofs.gateway.nfs.nlm;

import io.dittofs.gateway.locks.LockManager;
import io.dittofs.gateway.locks.LockStatus;
import java.util.function.Function;
import io.dittofs.gateway.rpc.CallContext;

/** One NLM call as a procedure sees it: the caller, its protocol version and the shared NLM state. */
public record NlmRequest(CallContext ctx, int version, LockManager locks, NlmHosts hosts, NlmFiles files,
                         NlmShares shares) {

    public NlmHosts.Host host(String callerName) {
        return hosts.host(callerName, ctx.remote().getAddress(), version);
    }

    /**
     * Runs {@code op} as the host's lock-service client. A lock-service that lost the client (a
     * memory store restarted, the client released elsewhere) answers EXPIRED: the host registers
     * again and the operation runs once more.
     */
    public <T> T asHost(String callerName, Function<NlmHosts.Host, T> op, Function<T, LockStatus> status) {
        T r = op.apply(host(callerName));
        if (status.apply(r) == LockStatus.EXPIRED) {
            hosts.forget(callerName);
            r = op.apply(host(callerName));
        }
        return r;
    }
}
