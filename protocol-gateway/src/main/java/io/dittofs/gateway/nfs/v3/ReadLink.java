package io.dittofs.gateway.nfs.v3;

import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_READLINK (RFC 1813 §3.3.5). */
public final class ReadLink implements Nfs3Procedure<ReadLink.Args> {

    public record Args(FileHandle symlink) {
    }

    @Override
    public int number() {
        return 5;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(Nfs3Xdr.handle(in));
    }

    @Override
    public FileHandle handle(Args a) {
        return a.symlink();
    }

    @Override
    public boolean mutating() {
        return false;
    }

    @Override
    public void execute(Nfs3Request req, Args a, XdrWriter out) {
        var r = req.fs().readLink(req.identity(), a.symlink());
        out.writeInt(Nfs3Status.of(r.getStatus()));
        Nfs3Xdr.postOpAttr(out, r.hasAttr() ? r.getAttr() : null);
        if (r.getStatus() == Status.OK) {
            out.writeString(r.getTarget());
        }
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.attrFailure(out, status);
    }
}
