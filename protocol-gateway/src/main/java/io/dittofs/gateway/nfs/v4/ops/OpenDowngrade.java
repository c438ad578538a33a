package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.state.OpenStates;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.Stateid;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** OPEN_DOWNGRADE (RFC 7530 §16.19): access and deny may only shrink to a subset. */
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
        var f = OpenStateids.find(c, a.stateid());
        if (f.status() != Nfs4Status.OK) {
            return f.status();
        }
        var o = f.open();
        int access = a.access() & 0xff;
        if (access < 1 || access > 3 || a.deny() < 0 || a.deny() > 3
                || (access & ~o.access()) != 0 || (a.deny() & ~o.deny()) != 0) {
            return Nfs4Status.INVAL;
        }
        var next = c.server().opens().replace(a.stateid().other(),
                new OpenStates.Open(o.clientId(), o.owner(), o.file(), access, a.deny(), o.seqid() + 1));
        new Stateid(next.seqid(), a.stateid().other()).write(out);
        return Nfs4Status.OK;
    }
}
