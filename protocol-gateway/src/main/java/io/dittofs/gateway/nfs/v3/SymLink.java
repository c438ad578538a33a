package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.CreateSpec;
import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_SYMLINK (RFC 1813 §3.3.10). */
public final class SymLink implements Nfs3Procedure<SymLink.Args> {

    public record Args(Nfs3Xdr.DirOp where, SetAttrs attrs, String target) {
    }

    @Override
    public int number() {
        return 10;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(Nfs3Xdr.dirOp(in), Nfs3Xdr.sattr(in), in.readString(Nfs3Xdr.MAX_PATH));
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
                CreateSpec.symlink(a.attrs(), a.target()));
        Nfs3Xdr.created(out, r);
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.wccFailure(out, status);
    }
}
