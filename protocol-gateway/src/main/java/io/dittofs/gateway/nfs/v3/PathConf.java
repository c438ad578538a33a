package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_PATHCONF (RFC 1813 §3.3.20), from the metadata-service's FsInfo. */
public final class PathConf implements Nfs3Procedure<PathConf.Args> {

    public record Args(Handle object) {
    }

    @Override
    public int number() {
        return 20;
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
    public void execute(Nfs3Request req, Args a, XdrWriter out) {
        var r = req.fs().fsInfo(req.principal(), a.object());
        out.writeInt(Nfs3Status.of(r.status()));
        Nfs3Xdr.postOpAttr(out, r.attr());
        if (r.status().ok()) {
            out.writeInt(r.maxLinks()).writeInt(r.maxNameBytes() == 0 ? Nfs3Xdr.NAME_MAX : r.maxNameBytes())
                    .writeBool(true).writeBool(true).writeBool(r.caseInsensitive()).writeBool(r.casePreserving());
        }
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.attrFailure(out, status);
    }
}
