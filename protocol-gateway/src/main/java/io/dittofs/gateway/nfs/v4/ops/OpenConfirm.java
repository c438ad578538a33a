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
        var f = OpenStateids.find(c, a.stateid());
        if (f.status() != Nfs4Status.OK) {
            return f.status();
        }
        var o = f.open();
        c.server().opens().confirmOwner(o.clientId(), o.owner());
        var next = c.server().opens().replace(a.stateid().other(),
                new OpenStates.Open(o.clientId(), o.owner(), o.file(), o.access(), o.deny(), o.seqid() + 1));
        new Stateid(next.seqid(), a.stateid().other()).write(out);
        return Nfs4Status.OK;
    }
}
