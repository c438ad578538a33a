package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.Stateid;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** OPEN_CONFIRM (RFC 7530 §16.18): the first open of a 4.0 open-owner. */
public final class OpenConfirm implements Nfs4Op<OpenConfirm.Args> {

    public record Args(Stateid stateid, int seqid) {
    }

    @Override
    public int code() {
        return 20;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(Stateid.read(in), in.readInt());
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
            if (c.server().seqids().confirmed(o.ownerKey())) {
                // RFC 7530 §16.18.5: only an unconfirmed open-owner's open is confirmed, once
                return Nfs4Status.BAD_STATEID;
            }
            c.server().seqids().confirm(o.ownerKey());
            var next = c.server().opens().replace(f.other(), o.withSeqid(o.seqid() + 1));
            new Stateid(next.seqid(), f.other()).write(out);
            return Nfs4Status.OK;
        });
    }
}
