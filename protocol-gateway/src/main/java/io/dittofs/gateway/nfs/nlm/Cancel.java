package io.dittofs.gateway.nfs.nlm;

import io.dittofs.gateway.locks.LockStatus;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;

/** NLM_CANCEL: withdraws a blocked LOCK; DENIED when nothing matching waits (already granted or never queued). */
public final class Cancel implements NlmProcedure<NlmXdr.CancelArgs> {

    @Override
    public int number() {
        return 3;
    }

    @Override
    public NlmXdr.CancelArgs decode(XdrReader in, int version) throws XdrException {
        return NlmXdr.cancelArgs(in, version);
    }

    @Override
    public NlmReply execute(NlmRequest req, NlmXdr.CancelArgs a) {
        LockStatus s = req.asHost(a.lock().callerName(),
                host -> req.locks().cancel(NlmLocks.target(host.client(), a.lock())), x -> x);
        return new NlmReply.Res(a.cookie(), s == LockStatus.OK ? NlmStatus.GRANTED
                : s == LockStatus.NOT_LOCKED || s == LockStatus.BAD_STATE ? NlmStatus.DENIED
                : NlmStatus.of(s, req.version()));
    }
}
