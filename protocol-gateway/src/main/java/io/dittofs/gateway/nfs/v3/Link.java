package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_LINK (RFC 1813 §3.3.15). */
public final class Link implements Nfs3Procedure<Link.Args> {

    public record Args(Handle file, Nfs3Xdr.DirOp link) {
    }

    @Override
    public int number() {
        return 15;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(Nfs3Xdr.handle(in), Nfs3Xdr.dirOp(in));
    }

    @Override
    public Handle handle(Args a) {
        return a.link().dir();
    }

    @Override
    public boolean mutating() {
        return true;
    }

    @Override
    public void execute(Nfs3Request req, Args a, XdrWriter out) {
        var r = req.fs().link(req.principal(), a.file(), a.link().dir(), a.link().name());
        out.writeInt(Nfs3Status.of(r.status()));
        Nfs3Xdr.postOpAttr(out, r.attr());
        Nfs3Xdr.wcc(out, r.dirWcc());
    }

    @Override
    public void failure(XdrWriter out, int status) {
        out.writeInt(status).writeBool(false);
        Nfs3Xdr.emptyWcc(out);
    }
}
