package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.fs.model.AccessMode;
import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.Stateid;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/**
 * ALLOCATE (RFC 7862 §15.1): the stateid is checked as for WRITE (an open granted WRITE, or a
 * special stateid with the caller's write permission and the file's share reservations), and a
 * range that passes the end of the file extends its size to the range's end, as RFC 7862 §15.1.3
 * allows and posix_fallocate does. DittoFS has no space reservation: blocks are stored when
 * written, so a later WRITE into the range can still meet NOSPC; within the size nothing changes.
 */
public final class Allocate implements Nfs4Op<Allocate.Args> {

    public record Args(Stateid stateid, long offset, long length) {
    }

    @Override
    public int code() {
        return 59;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(Stateid.read(in), in.readLong(), in.readLong());
    }

    @Override
    public boolean mutating() {
        return true;
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        if (!(c.current() instanceof Fh.Real r)) {
            return c.current() == null ? Nfs4Status.NOFILEHANDLE : Nfs4Status.ISDIR;
        }
        long end = a.offset() + a.length();
        if (a.offset() < 0 || a.length() < 0 || end < 0) {
            return Nfs4Status.FBIG;
        }
        if (a.length() == 0) {
            return Nfs4Status.INVAL;
        }
        Stateid sid = c.resolveStateid(a.stateid());
        if (sid == null) {
            return Nfs4Status.BAD_STATEID;
        }
        var attr = c.server().fs().getAttr(c.principal(), r.handle());
        if (!attr.status().ok()) {
            return Nfs4Status.of(attr.status());
        }
        if (attr.attr().type() != FileType.REGULAR) {
            return attr.attr().type() == FileType.DIRECTORY ? Nfs4Status.ISDIR : Nfs4Status.INVAL;
        }
        if (sid.special()) {
            int shares = c.server().opens().anonymousIo(r.handle(), true);
            if (shares != Nfs4Status.OK) {
                return shares;
            }
            var opened = c.server().fs().open(c.principal(), r.handle(), AccessMode.WRITE);
            if (!opened.status().ok()) {
                return Nfs4Status.of(opened.status());
            }
        } else {
            var f = OpenStateids.find(c, sid);
            if (f.status() != Nfs4Status.OK) {
                return f.status();
            }
            if ((f.open().access() & 2) == 0) {
                return Nfs4Status.OPENMODE;
            }
        }
        if (end <= attr.attr().size()) {
            return Nfs4Status.OK;
        }
        var grown = c.server().fs().setAttr(c.principal(), r.handle(),
                new SetAttrs(null, null, null, end, null, null), null);
        return grown.status().ok() ? Nfs4Status.OK : Nfs4Status.of(grown.status());
    }
}
