package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.Stateid;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/**
 * SEEK (RFC 7862 §15.11): the namespace does not track holes, so a file is data up to its size
 * and one hole at the end (what lseek(2) answers on a file system without hole reporting): DATA
 * from an offset inside the file is that offset, HOLE is the size (eof); at or past the end, NXIO.
 */
public final class Seek implements Nfs4Op<Seek.Args> {

    public record Args(Stateid stateid, long offset, int what) {
    }

    private static final int DATA = 0;

    @Override
    public int code() {
        return 69;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(Stateid.read(in), in.readLong(), in.readEnum(1));
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        if (!(c.current() instanceof Fh.Real r)) {
            return c.current() == null ? Nfs4Status.NOFILEHANDLE : Nfs4Status.ISDIR;
        }
        Stateid sid = c.resolveStateid(a.stateid());
        if (sid == null) {
            return Nfs4Status.BAD_STATEID;
        }
        if (!sid.special()) {
            var f = OpenStateids.find(c, sid);
            if (f.status() != Nfs4Status.OK) {
                return f.status();
            }
        }
        var attr = c.server().fs().getAttr(c.principal(), r.handle());
        if (!attr.status().ok()) {
            return Nfs4Status.of(attr.status());
        }
        if (attr.attr().type() != FileType.REGULAR) {
            return attr.attr().type() == FileType.DIRECTORY ? Nfs4Status.ISDIR : Nfs4Status.INVAL;
        }
        long size = attr.attr().size();
        if (a.offset() < 0 || a.offset() >= size) {
            return Nfs4Status.NXIO;
        }
        if (a.what() == DATA) {
            out.writeBool(false).writeLong(a.offset());
        } else {
            out.writeBool(true).writeLong(size);
        }
        return Nfs4Status.OK;
    }
}
