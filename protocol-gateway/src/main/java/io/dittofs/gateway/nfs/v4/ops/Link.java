package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Names;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** LINK (RFC 7530 §16.9): the saved object gets a new name in the current directory. */
public final class Link implements Nfs4Op<byte[]> {

    @Override
    public int code() {
        return 11;
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
        if (c.saved() == null) {
            return Nfs4Status.NOFILEHANDLE;
        }
        int[] st = new int[1];
        var before = ChangeInfo.dirBefore(c, c.current(), st);
        if (before == null) {
            return st[0];
        }
        if (!(c.saved() instanceof Fh.Real file)) {
            return Nfs4Status.ISDIR;
        }
        Fh.Real dir = (Fh.Real) c.current();
        if (file.shareId() != dir.shareId()) {
            return Nfs4Status.XDEV;
        }
        int bad = Names.check(name);
        if (bad != Nfs4Status.OK) {
            return bad;
        }
        int recall = DelegationBreaks.of(c, file.handle(), DelegationBreaks.DELETE);
        if (recall != Nfs4Status.OK) {
            return recall;
        }
        var r = c.server().fs().link(c.principal(), file.handle(), dir.handle(), Names.decode(name));
        if (!r.status().ok()) {
            return Nfs4Status.of(r.status());
        }
        ChangeInfo.write(out, before, r.dirWcc());
        return Nfs4Status.OK;
    }
}
