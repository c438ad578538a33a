package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.Stateid;
import io.dittofs.gateway.nfs.v4.state.Delegations;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/**
 * DELEGRETURN (RFC 7530 §16.8, RFC 8881 §18.6): the delegation of the current file goes back; its
 * lock-service grant is returned, so an open waiting for the recall may go on. A revoked
 * delegation is DELEG_REVOKED in 4.1 (the client then frees it with FREE_STATEID); in 4.0, which
 * has no such error, returning it succeeds and forgets it.
 */
public final class DelegReturn implements Nfs4Op<Stateid> {

    @Override
    public int code() {
        return 8;
    }

    @Override
    public Stateid decode(XdrReader in) throws XdrException {
        return Stateid.read(in);
    }

    @Override
    public int execute(CompoundContext c, Stateid given, XdrWriter out) {
        if (!(c.current() instanceof Fh.Real file)) {
            return c.current() == null ? Nfs4Status.NOFILEHANDLE : Nfs4Status.INVAL;
        }
        Stateid id = c.resolveStateid(given);
        if (id == null || id.special()) {
            return Nfs4Status.BAD_STATEID;
        }
        var opens = c.server().opens();
        Delegations delegations = opens.delegations();
        var found = delegations.find(id.other());
        if (found.isEmpty()) {
            return opens.unknown(id.other());
        }
        Delegations.Deleg d = found.get();
        if ((c.session() != null && c.session().clientId() != d.clientId()) || !d.handle().equals(file.handle())) {
            return Nfs4Status.BAD_STATEID;
        }
        if (id.seqid() != 1 && !(c.minor() >= 1 && id.seqid() == 0)) {
            return Integer.compareUnsigned(id.seqid(), 1) < 0 ? Nfs4Status.OLD_STATEID : Nfs4Status.BAD_STATEID;
        }
        if (delegations.status(id.other()) == Delegations.Status.REVOKED) {
            if (c.minor() >= 1) {
                return Nfs4Status.DELEG_REVOKED;
            }
            // 4.0 has no DELEG_REVOKED: returning a revoked delegation just forgets it
            delegations.remove(id.other());
            return Nfs4Status.OK;
        }
        c.server().clients().renew(d.clientId());
        return opens.returnDelegation(id.other());
    }
}
