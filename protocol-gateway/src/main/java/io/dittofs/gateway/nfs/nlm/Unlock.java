package io.dittofs.gateway.nfs.nlm;

import io.dittofs.contracts.common.v1.Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;

/** NLM_UNLOCK: POSIX unlock of a range (splitting a larger lock); unlocking nothing is GRANTED. */
public final class Unlock implements NlmProcedure<NlmXdr.UnlockArgs> {

    @Override
    public int number() {
        return 4;
    }

    @Override
    public NlmXdr.UnlockArgs decode(XdrReader in, int version) throws XdrException {
        return NlmXdr.unlockArgs(in, version);
    }

    @Override
    public NlmReply execute(NlmRequest req, NlmXdr.UnlockArgs a) {
        if (NlmLocks.outOfRange(a.lock())) {
            return new NlmReply.Res(a.cookie(), NlmStatus.FBIG);
        }
        NlmHosts.Host host = req.host(a.lock().callerName());
        Status s = req.locks().unlock(NlmLocks.target(host.client(), a.lock()));
        return new NlmReply.Res(a.cookie(), NlmStatus.of(s == Status.NOT_LOCKED ? Status.OK : s, req.version()));
    }
}
