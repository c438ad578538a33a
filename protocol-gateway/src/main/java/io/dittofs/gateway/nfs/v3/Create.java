package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.fs.model.CreateMode;
import io.dittofs.gateway.fs.model.CreateSpec;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_CREATE (RFC 1813 §3.3.8): UNCHECKED, GUARDED or EXCLUSIVE (idempotent by verifier). */
public final class Create implements Nfs3Procedure<Create.Args> {

    /** @param verifier EXCLUSIVE only: the client's 8-byte createverf3 */
    public record Args(Nfs3Xdr.DirOp where, CreateMode mode, SetAttrs attrs, byte[] verifier) {
    }

    @Override
    public int number() {
        return 8;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        Nfs3Xdr.DirOp where = Nfs3Xdr.dirOp(in);
        // createmode3: UNCHECKED = 0, GUARDED = 1, EXCLUSIVE = 2
        CreateMode mode = switch (in.readEnum(2)) {
            case 0 -> CreateMode.UNCHECKED;
            case 1 -> CreateMode.GUARDED;
            default -> CreateMode.EXCLUSIVE;
        };
        if (mode == CreateMode.EXCLUSIVE) {
            return new Args(where, mode, SetAttrs.NONE, in.readFixedOpaque(8));
        }
        return new Args(where, mode, Nfs3Xdr.sattr(in), new byte[0]);
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
        var r = req.fs().create(req.principal(), a.where().dir(), a.where().name(),
                CreateSpec.regular(a.mode(), a.attrs(), a.verifier()));
        Nfs3Xdr.created(out, r);
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.wccFailure(out, status);
    }
}
