package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.Objects4;
import io.dittofs.gateway.nfs.v4.attr.AttrSource;
import io.dittofs.gateway.nfs.v4.attr.Bitmap;
import io.dittofs.gateway.nfs.v4.attr.Fattr4;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/**
 * GETATTR (RFC 7530 §16.7): the requested attributes this server supports; others are left out of
 * the reply bitmap. Change and size of a file under another client's write delegation come from
 * its holder (CB_GETATTR, {@link HolderAttrs}).
 */
public final class GetAttr implements Nfs4Op<Bitmap> {

    @Override
    public int code() {
        return 9;
    }

    @Override
    public Bitmap decode(XdrReader in) throws XdrException {
        return Bitmap.read(in);
    }

    @Override
    public int execute(CompoundContext c, Bitmap requested, XdrWriter out) {
        if (!requested.and(Fattr4.WRITE_ONLY).isEmpty()) {
            return Nfs4Status.INVAL;
        }
        var a = Objects4.current(c);
        if (a.status() != Nfs4Status.OK) {
            return a.status();
        }
        var source = a.source();
        if (c.current() instanceof Fh.Real file) {
            int[] st = new int[1];
            var attr = HolderAttrs.apply(c, file, requested, source.attr(), st);
            if (st[0] != Nfs4Status.OK) {
                return st[0];
            }
            if (attr != source.attr()) {
                source = new AttrSource(attr, source.fh(), source.fsidMajor(), source.fsidMinor(),
                        source.mountedOnFileid(), source.stat(), source.xattrs());
            }
        }
        Fattr4.write(out, requested, source, c.server().owners(), c.minor());
        return Nfs4Status.OK;
    }
}
