package io.dittofs.gateway.nfs.nlm;

import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.locks.LockStatus;
import io.dittofs.gateway.locks.LockOutcome;
import io.dittofs.gateway.locks.LockSpec;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;

/**
 * NLM_LOCK / NLMPROC4_LOCK (and NM_LOCK, the same without monitoring). A blocking request that
 * must wait answers BLOCKED; the lock-service queues it and the gateway calls the client's GRANTED
 * when it is granted.
 */
public final class Lock implements NlmProcedure<NlmXdr.LockArgs> {

    private final int number;

    /** {@code number} 2 for LOCK, 22 for NM_LOCK. */
    public Lock(int number) {
        this.number = number;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public NlmXdr.LockArgs decode(XdrReader in, int version) throws XdrException {
        return NlmXdr.lockArgs(in, version);
    }

    @Override
    public NlmReply execute(NlmRequest req, NlmXdr.LockArgs a) {
        if (NlmLocks.outOfRange(a.lock())) {
            return new NlmReply.Res(a.cookie(), NlmStatus.FBIG);
        }
        FsStatus file = req.files().check(req.ctx(), a.lock().fh(), a.exclusive());
        if (file != FsStatus.OK) {
            return new NlmReply.Res(a.cookie(), NlmStatus.of(file, req.version()));
        }
        // NM_LOCK comes from hosts that cannot take callbacks: it never queues
        boolean blocking = a.block() && number != 22;
        LockOutcome r = req.asHost(a.lock().callerName(), host -> req.locks().lock(new LockSpec(
                NlmLocks.target(host.client(), a.lock()), a.exclusive(), blocking, a.reclaim(), null)),
                LockOutcome::status);
        if (r.status() == LockStatus.OK && r.queued()) {
            return new NlmReply.Res(a.cookie(), NlmStatus.BLOCKED);
        }
        return new NlmReply.Res(a.cookie(), NlmStatus.of(r.status(), req.version()));
    }
}
