package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.CreateSpec;
import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_MKDIR (RFC 1813 §3.3.9). */
public final class MkDir implements Nfs3Procedure<MkDir.Args> {

    public record Args(Nfs3Xdr.DirOp where, SetAttrs attrs) {
    }

    @Override
    public int number() {
        return 9;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(Nfs3Xdr.dirOp(in), Nfs3Xdr.sattr(in));
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
        var r = req.fs().create(req.principal(), a.where().dir(), a.where().name(), CreateSpec.directory(a.attrs()));
        Nfs3Xdr.created(out, r);
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.wccFailure(out, status);
    }
}
