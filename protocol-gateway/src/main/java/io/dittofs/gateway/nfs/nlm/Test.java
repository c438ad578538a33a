package io.dittofs.gateway.nfs.nlm;

import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.locks.LockStatus;
import io.dittofs.gateway.locks.LockOutcome;
import io.dittofs.gateway.locks.LockSpec;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;

/** NLM_TEST / NLMPROC4_TEST: would this lock be granted? If not, who holds the conflicting one. */
public final class Test implements NlmProcedure<NlmXdr.TestArgs> {

    @Override
    public int number() {
        return 1;
    }

    @Override
    public NlmXdr.TestArgs decode(XdrReader in, int version) throws XdrException {
        return NlmXdr.testArgs(in, version);
    }

    @Override
    public NlmReply execute(NlmRequest req, NlmXdr.TestArgs a) {
        if (NlmLocks.outOfRange(a.lock())) {
            return new NlmReply.Test(a.cookie(), NlmStatus.FBIG, null);
        }
        FsStatus file = req.files().check(req.ctx(), a.lock().fh(), false);
        if (file != FsStatus.OK) {
            return new NlmReply.Test(a.cookie(), NlmStatus.of(file, req.version()), null);
        }
        LockOutcome r = req.asHost(a.lock().callerName(), host -> req.locks().test(
                new LockSpec(NlmLocks.target(host.client(), a.lock()), a.exclusive(), false, false, null)),
                LockOutcome::status);
        if (r.status() == LockStatus.DENIED && r.conflict() != null) {
            return new NlmReply.Test(a.cookie(), NlmStatus.DENIED, NlmLocks.holder(r.conflict()));
        }
        int stat = r.status() == LockStatus.DENIED ? NlmStatus.DENIED_NOLOCKS : NlmStatus.of(r.status(), req.version());
        return new NlmReply.Test(a.cookie(), stat, null);
    }
}
