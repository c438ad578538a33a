package io.dittofs.gateway.nfs.nlm;

import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;

/** NLM_UNSHARE: drops the reservation SHARE took; dropping none is GRANTED. */
public final class Unshare implements NlmProcedure<NlmXdr.ShareArgs> {

    @Override
    public int number() {
        return 21;
    }

    @Override
    public NlmXdr.ShareArgs decode(XdrReader in, int version) throws XdrException {
        return NlmXdr.shareArgs(in);
    }

    @Override
    public NlmReply execute(NlmRequest req, NlmXdr.ShareArgs a) {
        NlmXdr.Share s = a.share();
        NlmHosts.Host host = req.host(s.callerName());
        int stat = req.shares().remove(host.client(), s.owner(), s.fh())
                .map(open -> NlmStatus.of(req.locks().close(open), req.version())).orElse(NlmStatus.GRANTED);
        return new NlmReply.Share(a.cookie(), stat);
    }
}
