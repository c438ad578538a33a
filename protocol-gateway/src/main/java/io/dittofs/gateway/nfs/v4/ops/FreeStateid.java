package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.Stateid;
import io.dittofs.gateway.nfs.v4.state.OpenStates;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** FREE_STATEID (RFC 8881 §18.38): an open stateid is in use until CLOSE; a lock stateid is freed once its owner holds no locks on the file (LOCKS_HELD before); a delegation stateid is in use until DELEGRETURN, a revoked one is freed (which clears SEQ4_STATUS_RECALLABLE_STATE_REVOKED). */
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
        var delegations = c.server().opens().delegations();
        var deleg = id.special() ? java.util.Optional.<io.dittofs.gateway.nfs.v4.state.Delegations.Deleg>empty()
                : delegations.find(id.other());
        if (deleg.isPresent() && c.session() != null && deleg.get().clientId() == c.session().clientId()) {
            // a live delegation is in use until DELEGRETURN; a revoked one is forgotten (RFC 8881 §18.38.3)
            if (delegations.status(id.other()) == io.dittofs.gateway.nfs.v4.state.Delegations.Status.LIVE) {
                return Nfs4Status.LOCKS_HELD;
            }
            return c.server().opens().returnDelegation(id.other());
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
