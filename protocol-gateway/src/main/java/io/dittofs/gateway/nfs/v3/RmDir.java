package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.RemoveKind;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_RMDIR (RFC 1813 §3.3.13); the last link of a file releases its content. */
public final class RmDir implements Nfs3Procedure<Nfs3Xdr.DirOp> {

    @Override
    public int number() {
        return 13;
    }

    @Override
    public Nfs3Xdr.DirOp decode(XdrReader in) throws XdrException {
        return Nfs3Xdr.dirOp(in);
    }

    @Override
    public Handle handle(Nfs3Xdr.DirOp a) {
        return a.dir();
    }

    @Override
    public boolean mutating() {
        return true;
    }

    @Override
    public void execute(Nfs3Request req, Nfs3Xdr.DirOp a, XdrWriter out) {
        var r = req.fs().remove(req.principal(), a.dir(), a.name(), RemoveKind.DIRECTORY);
        out.writeInt(Nfs3Status.of(r.status()));
        Nfs3Xdr.wcc(out, r.dirWcc());
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.wccFailure(out, status);
    }
}
