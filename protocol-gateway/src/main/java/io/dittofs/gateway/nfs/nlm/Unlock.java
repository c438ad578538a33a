package io.dittofs.gateway.nfs.nlm;

import io.dittofs.gateway.locks.LockStatus;
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
        LockStatus s = req.asHost(a.lock().callerName(),
                host -> req.locks().unlock(NlmLocks.target(host.client(), a.lock())), x -> x);
        // unlocking what is not locked succeeds (POSIX), and a host the lock-service forgot holds nothing
        boolean nothingHeld = s == LockStatus.NOT_LOCKED || s == LockStatus.EXPIRED;
        return new NlmReply.Res(a.cookie(), nothingHeld ? NlmStatus.GRANTED : NlmStatus.of(s, req.version()));
    }
}
