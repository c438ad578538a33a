package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_LOOKUP (RFC 1813 §3.3.3). */
public final class Lookup implements Nfs3Procedure<Nfs3Xdr.DirOp> {

    @Override
    public int number() {
        return 3;
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
        return false;
    }

    @Override
    public boolean inlinable() {
        return true;
    }

    @Override
    public void execute(Nfs3Request req, Nfs3Xdr.DirOp a, XdrWriter out) {
        var r = req.fs().lookup(req.principal(), a.dir(), a.name());
        out.writeInt(Nfs3Status.of(r.status()));
        if (r.status().ok()) {
            out.writeOpaque(r.handle().bytes());
            Nfs3Xdr.postOpAttr(out, r.attr());
        }
        Nfs3Xdr.postOpAttr(out, r.dirAttr());
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.attrFailure(out, status);
    }
}
