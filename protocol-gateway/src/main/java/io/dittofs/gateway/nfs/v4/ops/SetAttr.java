package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.Stateid;
import io.dittofs.gateway.nfs.v4.attr.Bitmap;
import io.dittofs.gateway.nfs.v4.attr.SetAttrDecoder;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/**
 * SETATTR (RFC 7530 §16.32): size, mode, owner, group and times. The result carries the bitmap of
 * attributes set, on failure too (empty then).
 */
public final class SetAttr implements Nfs4Op<SetAttr.Args> {

    public record Args(Stateid stateid, SetAttrDecoder.Decoded attrs) {
    }

    @Override
    public int code() {
        return 34;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(Stateid.read(in), SetAttrDecoder.read(in));
    }

    @Override
    public boolean mutating() {
        return true;
    }

    @Override
    public void writeFailureBody(XdrWriter out) {
        Bitmap.EMPTY.write(out);
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        int status = apply(c, a);
        (status == Nfs4Status.OK ? a.attrs().bits() : Bitmap.EMPTY).write(out);
        return status;
    }

    private static int apply(CompoundContext c, Args a) {
        if (!(c.current() instanceof Fh.Real r)) {
            return c.current() == null ? Nfs4Status.NOFILEHANDLE : Nfs4Status.ROFS;
        }
        var resolved = a.attrs().resolve(c.server().owners());
        if (resolved.status() != Nfs4Status.OK) {
            return resolved.status();
        }
        var sa = resolved.attrs();
        if (sa.size() != null) {
            var attr = c.server().fs().getAttr(c.principal(), r.handle());
            if (attr.status().ok() && attr.attr().type() != FileType.REGULAR) {
                return attr.attr().type() == FileType.DIRECTORY ? Nfs4Status.ISDIR : Nfs4Status.INVAL;
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
                if ((f.open().access() & 2) == 0) {
                    return Nfs4Status.OPENMODE;
                }
            }
        }
        if (sa.size() != null) {
            int recall = DelegationBreaks.of(c, r.handle(), DelegationBreaks.WRITE);
            if (recall != Nfs4Status.OK) {
                return recall;
            }
        }
        var res = c.server().fs().setAttr(c.principal(), r.handle(), sa, null);
        return Nfs4Status.of(res.status());
    }
}
