package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.Stateid;
import io.dittofs.gateway.nfs.v4.state.OpenStates;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** FREE_STATEID (RFC 8881 §18.38): an open stateid is in use until CLOSE; a lock stateid is freed once its owner holds no locks on the file (LOCKS_HELD before). */
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
        var o = id.special() ? null : c.server().opens().find(id.other(), id.seqid());
        if (o == null || c.session() == null || o.clientId() != c.session().clientId()) {
            return Nfs4Status.BAD_STATEID;
        }
        if (o.kind() == OpenStates.Kind.OPEN) {
            return Nfs4Status.LOCKS_HELD;
        }
        return c.server().opens().freeLockState(id.other());
    }
}
