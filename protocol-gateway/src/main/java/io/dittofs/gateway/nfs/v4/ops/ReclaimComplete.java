package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** RECLAIM_COMPLETE (RFC 8881 §18.51) for the session's client; a second global one is COMPLETE_ALREADY. */
public final class ReclaimComplete implements Nfs4Op<Boolean> {

    @Override
    public int code() {
        return 58;
    }

    @Override
    public Boolean decode(XdrReader in) throws XdrException {
        return in.readBool();
    }

    @Override
    public int execute(CompoundContext c, Boolean oneFs, XdrWriter out) {
        if (c.session() == null) {
            return Nfs4Status.OP_NOT_IN_SESSION;
        }
        return oneFs ? Nfs4Status.OK : c.server().clients().reclaimComplete(c.session().clientId());
    }
}
