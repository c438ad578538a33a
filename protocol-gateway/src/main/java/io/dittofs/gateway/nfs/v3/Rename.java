package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_RENAME (RFC 1813 §3.3.14); a replaced last link releases its content. */
public final class Rename implements Nfs3Procedure<Rename.Args> {

    public record Args(Nfs3Xdr.DirOp from, Nfs3Xdr.DirOp to) {
    }

    @Override
    public int number() {
        return 14;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(Nfs3Xdr.dirOp(in), Nfs3Xdr.dirOp(in));
    }

    @Override
    public Handle handle(Args a) {
        return a.from().dir();
    }

    @Override
    public boolean mutating() {
        return true;
    }

    @Override
    public void execute(Nfs3Request req, Args a, XdrWriter out) {
        var r = req.fs().rename(req.principal(), a.from().dir(), a.from().name(), a.to().dir(), a.to().name());
        out.writeInt(Nfs3Status.of(r.status()));
        Nfs3Xdr.wcc(out, r.fromDirWcc());
        Nfs3Xdr.wcc(out, r.toDirWcc());
    }

    @Override
    public void failure(XdrWriter out, int status) {
        out.writeInt(status);
        Nfs3Xdr.emptyWcc(out);
        Nfs3Xdr.emptyWcc(out);
    }
}
