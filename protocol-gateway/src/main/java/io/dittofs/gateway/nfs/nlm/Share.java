package io.dittofs.gateway.nfs.nlm;

import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.locks.LockStatus;
import io.dittofs.gateway.locks.OpenOutcome;
import io.dittofs.gateway.locks.OpenSpec;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;

/**
 * NLM_SHARE (versions 3 and 4): a DOS share reservation, the same share mode an SMB open or an
 * NFSv4 OPEN takes in the lock-service. fsh access R/W and deny modes DR/DW map bit for bit.
 */
public final class Share implements NlmProcedure<NlmXdr.ShareArgs> {

    @Override
    public int number() {
        return 20;
    }

    @Override
    public NlmXdr.ShareArgs decode(XdrReader in, int version) throws XdrException {
        return NlmXdr.shareArgs(in);
    }

    @Override
    public NlmReply execute(NlmRequest req, NlmXdr.ShareArgs a) {
        NlmXdr.Share s = a.share();
        FsStatus file = req.files().check(req.ctx(), s.fh(), (s.access() & OpenSpec.WRITE) != 0);
        if (file != FsStatus.OK) {
            return new NlmReply.Share(a.cookie(), NlmStatus.of(file, req.version()));
        }
        NlmHosts.Host host = req.host(s.callerName());
        OpenOutcome r = req.locks().open(new OpenSpec(s.fh(), host.client(), s.owner(), s.access(), s.mode(),
                a.reclaim()));
        if (r.status() == LockStatus.EXPIRED) {
            req.hosts().forget(s.callerName());
            host = req.host(s.callerName());
            r = req.locks().open(new OpenSpec(s.fh(), host.client(), s.owner(), s.access(), s.mode(), a.reclaim()));
        }
        if (r.status() == LockStatus.OK) {
            req.shares().put(host.client(), s.owner(), s.fh(), r.openId());
        }
        return new NlmReply.Share(a.cookie(), NlmStatus.of(r.status(), req.version()));
    }
}
