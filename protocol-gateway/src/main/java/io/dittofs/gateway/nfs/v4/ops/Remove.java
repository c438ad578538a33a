package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.fs.model.RemoveKind;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Names;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** REMOVE (RFC 7530 §16.27): files and empty directories alike. */
public final class Remove implements Nfs4Op<byte[]> {

    @Override
    public int code() {
        return 28;
    }

    @Override
    public byte[] decode(XdrReader in) throws XdrException {
        return Names.read(in);
    }

    @Override
    public boolean mutating() {
        return true;
    }

    @Override
    public int execute(CompoundContext c, byte[] name, XdrWriter out) {
        int[] st = new int[1];
        var before = ChangeInfo.dirBefore(c, c.current(), st);
        if (before == null) {
            return st[0];
        }
        int bad = Names.check(name);
        if (bad != Nfs4Status.OK) {
            return bad;
        }
        int recall = DelegationBreaks.byName(c, ((Fh.Real) c.current()).handle(), Names.decode(name), DelegationBreaks.DELETE);
        if (recall != Nfs4Status.OK) {
            return recall;
        }
        var r = c.server().fs().remove(c.principal(), ((Fh.Real) c.current()).handle(), Names.decode(name), RemoveKind.ANY);
        if (!r.status().ok()) {
            return Nfs4Status.of(r.status());
        }
        ChangeInfo.write(out, before, r.dirWcc());
        return Nfs4Status.OK;
    }
}
