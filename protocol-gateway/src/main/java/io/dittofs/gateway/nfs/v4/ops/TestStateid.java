package io.dittofs.gateway.nfs.v4.ops;

import java.util.ArrayList;
import java.util.List;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.Stateid;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** TEST_STATEID (RFC 8881 §18.48): per stateid, whether this server knows it (open, lock and delegation stateids — a revoked delegation is DELEG_REVOKED —, also open and lock stateids of this gateway's earlier run). */
public final class TestStateid implements Nfs4Op<List<Stateid>> {

    private static final int MAX = 1024;

    @Override
    public int code() {
        return 55;
    }

    @Override
    public List<Stateid> decode(XdrReader in) throws XdrException {
        long n = in.readUnsignedInt();
        if (n > MAX) {
            throw new XdrException(n + " stateids exceed " + MAX);
        }
        List<Stateid> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(Stateid.read(in));
        }
        return ids;
    }

    @Override
    public int execute(CompoundContext c, List<Stateid> ids, XdrWriter out) {
        out.writeInt(ids.size());
        for (Stateid id : ids) {
            var o = id.special() ? null : c.server().opens().find(id.other(), id.seqid());
            int deleg = id.special() ? Nfs4Status.OK : OpenStateids.delegationStatus(c, id);
            int status;
            if (deleg != Nfs4Status.OK) {
                status = deleg;
            } else if (o == null || c.session() == null || o.clientId() != c.session().clientId()) {
                status = Nfs4Status.BAD_STATEID;
            } else if (id.seqid() != 0 && id.seqid() != o.seqid()) {
                status = Integer.compareUnsigned(id.seqid(), o.seqid()) < 0 ? Nfs4Status.OLD_STATEID : Nfs4Status.BAD_STATEID;
            } else {
                status = Nfs4Status.OK;
            }
            out.writeInt(status);
        }
        return Nfs4Status.OK;
    }
}
