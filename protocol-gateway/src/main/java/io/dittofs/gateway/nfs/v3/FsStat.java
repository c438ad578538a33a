package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_FSSTAT (RFC 1813 §3.3.18). */
public final class FsStat implements Nfs3Procedure<FsStat.Args> {

    public record Args(Handle root) {
    }

    @Override
    public int number() {
        return 18;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(Nfs3Xdr.handle(in));
    }

    @Override
    public Handle handle(Args a) {
        return a.root();
    }

    @Override
    public boolean mutating() {
        return false;
    }

    @Override
    public void execute(Nfs3Request req, Args a, XdrWriter out) {
        var r = req.fs().fsStat(req.principal(), a.root());
        out.writeInt(Nfs3Status.of(r.status()));
        Nfs3Xdr.postOpAttr(out, r.attr());
        if (r.status().ok()) {
            out.writeLong(r.totalBytes()).writeLong(r.freeBytes()).writeLong(r.availBytes())
                    .writeLong(r.totalFiles()).writeLong(r.freeFiles()).writeLong(r.availFiles())
                    .writeInt(0);
        }
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.attrFailure(out, status);
    }
}
