package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.Stateid;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** FREE_STATEID (RFC 8881 §18.38): an open stateid is still in use until CLOSE (LOCKS_HELD is for lock stateids). */
public final class FreeStateid implements Nfs4Op<Stateid> {

    @Override
    public int code() {
        return 45;
    }

    @Override
    public Stateid decode(XdrReader in) throws XdrException {
        return Stateid.read(in);
    }

    @Override
    public int execute(CompoundContext c, Stateid given, XdrWriter out) {
        Stateid id = c.resolveStateid(given);
        if (id == null) {
            return Nfs4Status.BAD_STATEID;
        }
        var o = c.server().opens().get(id.other());
        if (o == null || c.session() == null || o.clientId() != c.session().clientId()) {
            return Nfs4Status.BAD_STATEID;
        }
        return Nfs4Status.LOCKS_HELD;
    }
}
