package io.dittofs.gateway.nfs.nlm;

import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;

/**
 * NLM_GRANTED sent TO this server: it belongs to the client role (a server telling a client its
 * blocked lock was granted). The gateway never asks another server for locks, so nothing waits:
 * DENIED tells the sender to release what it granted.
 */
public final class Granted implements NlmProcedure<NlmXdr.TestArgs> {

    @Override
    public int number() {
        return 5;
    }

    @Override
    public NlmXdr.TestArgs decode(XdrReader in, int version) throws XdrException {
        return NlmXdr.testArgs(in, version);
    }

    @Override
    public NlmReply execute(NlmRequest req, NlmXdr.TestArgs a) {
        return new NlmReply.Res(a.cookie(), NlmStatus.DENIED);
    }
}
