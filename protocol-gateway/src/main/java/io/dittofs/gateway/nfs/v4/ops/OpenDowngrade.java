package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.Stateid;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** OPEN_DOWNGRADE (RFC 7530 §16.19): access and deny may only shrink to a subset; the lock-service's share reservation shrinks with them. */
public final class OpenDowngrade implements Nfs4Op<OpenDowngrade.Args> {

    public record Args(Stateid stateid, int seqid, int access, int deny) {
    }

    @Override
    public int code() {
        return 21;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(Stateid.read(in), in.readInt(), in.readInt(), in.readInt());
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        var f = OpenStateids.find(c, a.stateid(), c.minor() != 0);
        if (f.status() != Nfs4Status.OK) {
            return OwnerSeq.notFound(c, a.stateid(), f.status(), a.seqid(), code(), out);
        }
        var o = f.open();
        if (o.kind() != io.dittofs.gateway.nfs.v4.state.OpenStates.Kind.OPEN) {
            return Nfs4Status.BAD_STATEID;
        }
        return OwnerSeq.run(c, o.ownerKey(), a.seqid(), code(), f.other(), out, () -> {
            int st = OwnerSeq.stateidSeqid(c, a.stateid(), o.seqid());
            if (st != Nfs4Status.OK) {
                return st;
            }
            int access = a.access() & 0xff;
            if (access < 1 || access > 3 || a.deny() < 0 || a.deny() > 3
                    || (access & ~o.access()) != 0 || (a.deny() & ~o.deny()) != 0
                    || !o.mayDowngradeTo(access, a.deny())) {
                return Nfs4Status.INVAL;
            }
            var next = c.server().opens().downgrade(f.other(), o, access, a.deny());
            if (next.status() != Nfs4Status.OK) {
                return next.status();
            }
            Stateid sid = new Stateid(next.state().seqid(), f.other());
            c.currentStateid(sid);
            sid.write(out);
            return Nfs4Status.OK;
        });
    }
}
