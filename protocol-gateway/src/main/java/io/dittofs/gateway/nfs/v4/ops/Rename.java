package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Names;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** RENAME (RFC 7530 §16.26): from the saved directory to the current one, answering both change_info4. */
public final class Rename implements Nfs4Op<Rename.Args> {

    public record Args(byte[] from, byte[] to) {
    }

    @Override
    public int code() {
        return 29;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(Names.read(in), Names.read(in));
    }

    @Override
    public boolean mutating() {
        return true;
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        if (c.saved() == null) {
            return Nfs4Status.NOFILEHANDLE;
        }
        int[] st = new int[1];
        var toBefore = ChangeInfo.dirBefore(c, c.current(), st);
        if (toBefore == null) {
            return st[0];
        }
        var fromBefore = ChangeInfo.dirBefore(c, c.saved(), st);
        if (fromBefore == null) {
            return st[0];
        }
        Fh.Real from = (Fh.Real) c.saved();
        Fh.Real to = (Fh.Real) c.current();
        if (from.shareId() != to.shareId()) {
            return Nfs4Status.XDEV;
        }
        int bad = Names.check(a.from());
        if (bad == Nfs4Status.OK) {
            bad = Names.check(a.to());
        }
        if (bad != Nfs4Status.OK) {
            return bad;
        }
        // the renamed file and a file the rename replaces
        int recall = DelegationBreaks.byName(c, from.handle(), Names.decode(a.from()), DelegationBreaks.DELETE);
        if (recall == Nfs4Status.OK) {
            recall = DelegationBreaks.byName(c, to.handle(), Names.decode(a.to()), DelegationBreaks.DELETE);
        }
        if (recall != Nfs4Status.OK) {
            return recall;
        }
        var r = c.server().fs().rename(c.principal(), from.handle(), Names.decode(a.from()), to.handle(),
                Names.decode(a.to()));
        if (!r.status().ok()) {
            return Nfs4Status.of(r.status());
        }
        ChangeInfo.write(out, fromBefore, r.fromDirWcc());
        ChangeInfo.write(out, toBefore, r.toDirWcc());
        return Nfs4Status.OK;
    }
}
