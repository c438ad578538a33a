package io.dittofs.gateway.nfs.v3;

import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.Status;
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
    public FileHandle handle(Nfs3Xdr.DirOp a) {
        return a.dir();
    }

    @Override
    public boolean mutating() {
        return false;
    }

    @Override
    public void execute(Nfs3Request req, Nfs3Xdr.DirOp a, XdrWriter out) {
        var r = req.fs().lookup(req.identity(), a.dir(), a.name());
        out.writeInt(Nfs3Status.of(r.getStatus()));
        if (r.getStatus() == Status.OK) {
            out.writeOpaque(r.getHandle().getValue());
            Nfs3Xdr.postOpAttr(out, r.getAttr());
        }
        Nfs3Xdr.postOpAttr(out, r.hasDirAttr() ? r.getDirAttr() : null);
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.attrFailure(out, status);
    }
}
