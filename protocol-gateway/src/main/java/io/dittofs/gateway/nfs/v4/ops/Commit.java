package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.fs.model.AccessMode;
import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.Stateid;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** COMMIT (RFC 7530 §16.3). */
public final class Commit implements Nfs4Op<Commit.Args> {

    public record Args(long offset, int count) {
    }

    @Override
    public int code() {
        return 5;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(in.readLong(), in.readInt());
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        if (!(c.current() instanceof Fh.Real r)) {
            return c.current() == null ? Nfs4Status.NOFILEHANDLE : Nfs4Status.ISDIR;
        }
        var opened = c.server().fs().open(c.principal(), r.handle(), AccessMode.NONE);
        if (!opened.status().ok()) {
            return Nfs4Status.of(opened.status());
        }
        if (opened.attr() != null && opened.attr().type() != FileType.REGULAR) {
            return opened.attr().type() == FileType.DIRECTORY ? Nfs4Status.ISDIR : Nfs4Status.INVAL;
        }
        var res = c.server().fs().commit(opened.file(), a.offset(), Integer.toUnsignedLong(a.count()));
        if (!res.status().ok()) {
            return Nfs4Status.of(res.status());
        }
        out.writeFixedOpaque(res.verifier());
        return Nfs4Status.OK;
    }
}
