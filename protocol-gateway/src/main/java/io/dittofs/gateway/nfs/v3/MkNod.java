package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.CreateSpec;
import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_MKNOD (RFC 1813 §3.3.11): devices, sockets and fifos; other types are BADTYPE. */
public final class MkNod implements Nfs3Procedure<MkNod.Args> {

    /** @param ftype ftype3 from the wire (1..7) */
    public record Args(Nfs3Xdr.DirOp where, int ftype, SetAttrs attrs, int major, int minor) {
    }

    @Override
    public int number() {
        return 11;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        Nfs3Xdr.DirOp where = Nfs3Xdr.dirOp(in);
        int type = in.readInt();
        return switch (type) {
            case 3, 4 -> {
                SetAttrs attrs = Nfs3Xdr.sattr(in);
                yield new Args(where, type, attrs, in.readInt(), in.readInt());
            }
            case 6, 7 -> new Args(where, type, Nfs3Xdr.sattr(in), 0, 0);
            case 1, 2, 5 -> new Args(where, type, SetAttrs.NONE, 0, 0);
            default -> throw new XdrException("bad ftype3 " + type);
        };
    }

    @Override
    public Handle handle(Args a) {
        return a.where().dir();
    }

    @Override
    public boolean mutating() {
        return true;
    }

    @Override
    public void execute(Nfs3Request req, Args a, XdrWriter out) {
        FileType type = switch (a.ftype()) {
            case 3 -> FileType.BLOCK_DEVICE;
            case 4 -> FileType.CHAR_DEVICE;
            case 6 -> FileType.SOCKET;
            case 7 -> FileType.FIFO;
            default -> null;
        };
        if (type == null) {
            Nfs3Procedure.wccFailure(out, Nfs3Status.BADTYPE);
            return;
        }
        var r = req.fs().create(req.principal(), a.where().dir(), a.where().name(),
                CreateSpec.special(type, a.attrs(), a.major(), a.minor()));
        Nfs3Xdr.created(out, r);
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.wccFailure(out, status);
    }
}
