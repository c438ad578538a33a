package io.dittofs.gateway.nfs.v3;

import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.FileType;
import io.dittofs.contracts.metadata.v1.CreateMode;
import io.dittofs.contracts.metadata.v1.CreateRequest;
import io.dittofs.contracts.metadata.v1.SetAttrs;
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
            case 1, 2, 5 -> new Args(where, type, SetAttrs.getDefaultInstance(), 0, 0);
            default -> throw new XdrException("bad ftype3 " + type);
        };
    }

    @Override
    public FileHandle handle(Args a) {
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
        var r = req.fs().create(CreateRequest.newBuilder().setIdentity(req.identity()).setDir(a.where().dir())
                .setName(a.where().name()).setType(type).setMode(CreateMode.GUARDED).setAttrs(a.attrs())
                .setRdevMajor(a.major()).setRdevMinor(a.minor()).build());
        Nfs3Xdr.created(out, r);
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.wccFailure(out, status);
    }
}
