package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.Stateid;
import io.dittofs.gateway.nfs.v4.state.OpenStates;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** Resolves an open stateid against the current filehandle (RFC 7530 §9.1.4.2 seqid rules). */
final class OpenStateids {

    /** @param open null unless status is OK */
    record Found(int status, OpenStates.Open open) {
    }

    private OpenStateids() {
    }

    static Found find(CompoundContext c, Stateid given) {
        Stateid id = c.resolveStateid(given);
        if (id == null) {
            return new Found(Nfs4Status.BAD_STATEID, null);
        }
        if (!(c.current() instanceof Fh.Real r)) {
            return new Found(c.current() == null ? Nfs4Status.NOFILEHANDLE : Nfs4Status.ISDIR, null);
        }
        OpenStates.Open o = c.server().opens().get(id.other());
        if (o == null) {
            return new Found(Nfs4Status.BAD_STATEID, null);
        }
        if (!o.file().handle().equals(r.handle())) {
            return new Found(Nfs4Status.BAD_STATEID, null);
        }
        // 4.1 seqid 0 means "the current one" (RFC 8881 §8.2.2)
        if (id.seqid() != o.seqid() && !(c.minor() == 1 && id.seqid() == 0)) {
            return new Found(Integer.compareUnsigned(id.seqid(), o.seqid()) < 0 ? Nfs4Status.OLD_STATEID
                    : Nfs4Status.BAD_STATEID, null);
        }
        return new Found(Nfs4Status.OK, o);
    }
}
