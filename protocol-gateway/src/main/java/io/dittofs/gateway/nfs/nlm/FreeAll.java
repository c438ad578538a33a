package io.dittofs.gateway.nfs.nlm;

import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;

/** NLM_FREE_ALL (versions 3 and 4): a host that restarted drops every lock and share it held. */
public final class FreeAll implements NlmProcedure<NlmXdr.Notify> {

    @Override
    public int number() {
        return 23;
    }

    @Override
    public NlmXdr.Notify decode(XdrReader in, int version) throws XdrException {
        return NlmXdr.notify(in);
    }

    @Override
    public NlmReply execute(NlmRequest req, NlmXdr.Notify a) {
        req.hosts().release(a.name()).ifPresent(req.shares()::forget);
        return new NlmReply.Void();
    }
}
