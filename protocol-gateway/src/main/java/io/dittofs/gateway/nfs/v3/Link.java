package io.dittofs.gateway.nfs.v3;

import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_LINK (RFC 1813 §3.3.15). */
public final class Link implements Nfs3Procedure<Link.Args> {

    public record Args(FileHandle file, Nfs3Xdr.DirOp link) {
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
    public FileHandle handle(Args a) {
        return a.link().dir();
    }

    @Override
    public boolean mutating() {
        return true;
    }

    @Override
    public void execute(Nfs3Request req, Args a, XdrWriter out) {
        var r = req.fs().link(req.identity(), a.file(), a.link().dir(), a.link().name());
        out.writeInt(Nfs3Status.of(r.getStatus()));
        Nfs3Xdr.postOpAttr(out, r.hasAttr() ? r.getAttr() : null);
        Nfs3Xdr.wcc(out, r.getDirWcc());
    }

    @Override
    public void failure(XdrWriter out, int status) {
        out.writeInt(status).writeBool(false);
        Nfs3Xdr.emptyWcc(out);
    }
}
