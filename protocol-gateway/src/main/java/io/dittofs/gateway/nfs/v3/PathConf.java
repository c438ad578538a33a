package io.dittofs.gateway.nfs.v3;

import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_PATHCONF (RFC 1813 §3.3.20), from the metadata-service's FsInfo. */
public final class PathConf implements Nfs3Procedure<PathConf.Args> {

    public record Args(FileHandle object) {
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
    public FileHandle handle(Args a) {
        return a.object();
    }

    @Override
    public boolean mutating() {
        return false;
    }

    @Override
    public void execute(Nfs3Request req, Args a, XdrWriter out) {
        var r = req.fs().fsInfo(req.identity(), a.object());
        out.writeInt(Nfs3Status.of(r.getStatus()));
        Nfs3Xdr.postOpAttr(out, r.hasAttr() ? r.getAttr() : null);
        if (r.getStatus() == Status.OK) {
            out.writeInt(r.getMaxLinks()).writeInt(r.getMaxNameBytes() == 0 ? Nfs3Xdr.NAME_MAX : r.getMaxNameBytes())
                    .writeBool(true).writeBool(true).writeBool(r.getCaseInsensitive()).writeBool(r.getCasePreserving());
        }
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.attrFailure(out, status);
    }
}
