package io.dittofs.gateway.nfs.nlm;

import io.dittofs.contracts.common.v1.Status;
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
        NlmHosts.Host host = req.host(a.lock().callerName());
        Status s = req.locks().cancel(NlmLocks.target(host.client(), a.lock()));
        return new NlmReply.Res(a.cookie(), s == Status.OK ? NlmStatus.GRANTED
                : s == Status.NOT_LOCKED || s == Status.BAD_STATE ? NlmStatus.DENIED : NlmStatus.of(s, req.version()));
    }
}
