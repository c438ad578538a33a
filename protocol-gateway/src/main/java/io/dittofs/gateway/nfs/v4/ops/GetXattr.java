package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Names;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** GETXATTR (RFC 8276 §8.4.1): the value of one user extended attribute; NOXATTR when it is not set. */
public final class GetXattr implements Nfs4Op<byte[]> {

    @Override
    public int code() {
        return 72;
    }

    @Override
    public byte[] decode(XdrReader in) throws XdrException {
        return Names.read(in);
    }

    @Override
    public int execute(CompoundContext c, byte[] key, XdrWriter out) {
        int[] st = new int[1];
        var file = Xattrs.file(c, st);
        if (file == null) {
            return st[0];
        }
        String name = Xattrs.name(key, st);
        if (name == null) {
            return st[0];
        }
        var r = c.server().fs().getXattr(c.principal(), file, name);
        if (!r.status().ok()) {
            return Xattrs.status(r.status());
        }
        out.writeOpaque(r.value());
        return Nfs4Status.OK;
    }
}
