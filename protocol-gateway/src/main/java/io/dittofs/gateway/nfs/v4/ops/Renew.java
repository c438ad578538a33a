package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** RENEW (RFC 7530 §16.26). */
public final class Renew implements Nfs4Op<Long> {

    @Override
    public int code() {
        return 30;
    }

    @Override
    public Long decode(XdrReader in) throws XdrException {
        return in.readLong();
    }

    @Override
    public int execute(CompoundContext c, Long clientId, XdrWriter out) {
        int st = c.server().clients().renew(clientId);
        // RFC 7530 §16.32.5: a client holding delegations learns that its callback path is down
        if (st == Nfs4Status.OK && c.server().callbacks().pathDownWithDelegations(clientId)) {
            return Nfs4Status.CB_PATH_DOWN;
        }
        return st;
    }
}
