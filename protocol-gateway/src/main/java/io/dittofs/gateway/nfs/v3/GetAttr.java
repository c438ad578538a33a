package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_GETATTR (RFC 1813 §3.3.1). */
public final class GetAttr implements Nfs3Procedure<GetAttr.Args> {

    public record Args(Handle object) {
    }

    @Override
    public int number() {
        return 1;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(Nfs3Xdr.handle(in));
    }

    @Override
    public Handle handle(Args a) {
        return a.object();
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
    public void execute(Nfs3Request req, Args a, XdrWriter out) {
        var r = req.fs().getAttr(req.principal(), a.object());
        if (!r.status().ok()) {
            out.writeInt(Nfs3Status.of(r.status()));
            return;
        }
        out.writeInt(Nfs3Status.OK);
        Nfs3Xdr.fattr(out, r.attr());
    }

    @Override
    public void failure(XdrWriter out, int status) {
        out.writeInt(status);
    }
}
