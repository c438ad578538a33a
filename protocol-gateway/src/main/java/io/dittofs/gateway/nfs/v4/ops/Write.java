package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.fs.model.Stability;
import io.dittofs.gateway.fs.model.WriteResult;
import io.dittofs.gateway.nfs.v4.attr.Fattr4;
import java.nio.ByteBuffer;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.Stateid;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** WRITE (RFC 7530 §16.36): through an open stateid granted WRITE, or a special stateid (checked write). */
public final class Write implements Nfs4Op<Write.Args> {

    public record Args(Stateid stateid, long offset, int stable, byte[] data) {
    }

    @Override
    public int code() {
        return 38;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(Stateid.read(in), in.readLong(), in.readEnum(2), in.readOpaque(Fattr4.MAX_IO));
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
        if (a.offset() < 0 || a.offset() + a.data().length < 0) {
            return Nfs4Status.FBIG;
        }
        Stability how = Stability.values()[a.stable()];
        WriteResult w;
        Stateid sid = c.resolveStateid(a.stateid());
        if (sid == null) {
            return Nfs4Status.BAD_STATEID;
        }
        if (sid.special()) {
            var attr = c.server().fs().getAttr(c.principal(), r.handle());
            if (attr.status().ok() && attr.attr().type() != FileType.REGULAR) {
                return attr.attr().type() == FileType.DIRECTORY ? Nfs4Status.ISDIR : Nfs4Status.INVAL;
            }
            int shares = c.server().opens().anonymousIo(r.handle(), true);
            if (shares != Nfs4Status.OK) {
                return shares;
            }
            w = a.data().length == 0 ? EmptyWrite.checked(c.server().fs(), c.principal(), r.handle(), a.offset())
                    : c.server().fs().write(c.principal(), r.handle(), a.offset(), ByteBuffer.wrap(a.data()), how);
        } else {
            var f = OpenStateids.find(c, sid);
            if (f.status() != Nfs4Status.OK) {
                return f.status();
            }
            if ((f.open().access() & 2) == 0) {
                return Nfs4Status.OPENMODE;
            }
            if (!OpenStateids.sameUser(c, f.open().file())) {
                // another user's stateid (RFC 7530 §9.1.4.3 "stolen"): the open's grant is not
                // theirs, so the write is checked against the caller's own permissions
                w = c.server().fs().write(c.principal(), r.handle(), a.offset(), ByteBuffer.wrap(a.data()), how);
            } else {
                w = a.data().length == 0 ? EmptyWrite.through(c.server().fs(), f.open().file(), a.offset())
                        : c.server().fs().write(f.open().file(), a.offset(), ByteBuffer.wrap(a.data()), how);
            }
        }
        if (!w.status().ok()) {
            return Nfs4Status.of(w.status());
        }
        out.writeInt((int) w.count()).writeInt(w.committed().ordinal()).writeFixedOpaque(w.verifier());
        return Nfs4Status.OK;
    }
}
