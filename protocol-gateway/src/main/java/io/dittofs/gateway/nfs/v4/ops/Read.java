package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.fs.model.AccessMode;
import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.fs.model.OpenFile;
import io.dittofs.gateway.nfs.v4.attr.Fattr4;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.Stateid;
import io.dittofs.gateway.nfs.v4.state.OpenStates;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** READ (RFC 7530 §16.23): through an open stateid, or the special stateids with a one-shot open. */
public final class Read implements Nfs4Op<Read.Args> {

    public record Args(Stateid stateid, long offset, int count) {
    }

    @Override
    public int code() {
        return 25;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(Stateid.read(in), in.readLong(), in.readInt());
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        if (!(c.current() instanceof Fh.Real r)) {
            return c.current() == null ? Nfs4Status.NOFILEHANDLE : Nfs4Status.ISDIR;
        }
        OpenFile file;
        Stateid sid = c.resolveStateid(a.stateid());
        if (sid == null) {
            return Nfs4Status.BAD_STATEID;
        }
        if (sid.special()) {
            var opened = c.server().fs().open(c.principal(), r.handle(), AccessMode.READ);
            if (!opened.status().ok()) {
                return Nfs4Status.of(opened.status());
            }
            if (opened.file().attr() == null || opened.file().attr().type() == FileType.REGULAR) {
                int shares = c.server().opens().anonymousIo(r.handle(), false);
                if (shares != Nfs4Status.OK) {
                    return shares;
                }
            }
            file = opened.file();
        } else {
            var f = OpenStateids.find(c, sid);
            if (f.status() != Nfs4Status.OK) {
                return f.status();
            }
            if ((f.open().access() & 1) == 0) {
                return Nfs4Status.OPENMODE;
            }
            // the open's snapshot predates this client's own writes (content, size): read as of now
            // another user's stateid is checked against the caller's own permissions (see Write)
            var reader = OpenStateids.sameUser(c, f.open().file()) ? f.open().file().principal() : c.principal();
            var fresh = c.server().fs().open(reader, r.handle(), AccessMode.READ);
            if (!fresh.status().ok()) {
                return Nfs4Status.of(fresh.status());
            }
            file = fresh.file();
        }
        if (file.attr() != null && file.attr().type() != FileType.REGULAR) {
            return file.attr().type() == FileType.DIRECTORY ? Nfs4Status.ISDIR : Nfs4Status.INVAL;
        }
        if (a.offset() < 0) {
            return Nfs4Status.INVAL;
        }
        int count = (int) Math.min(Integer.toUnsignedLong(a.count()), Fattr4.MAX_IO);
        var res = c.server().fs().read(file, a.offset(), count);
        if (!res.status().ok()) {
            return Nfs4Status.of(res.status());
        }
        out.writeBool(res.eof()).writeOpaque(res.data());
        return Nfs4Status.OK;
    }
}
