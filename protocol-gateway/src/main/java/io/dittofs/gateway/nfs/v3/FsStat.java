package io.dittofs.gateway.nfs.v3;

import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_FSSTAT (RFC 1813 §3.3.18). */
public final class FsStat implements Nfs3Procedure<FsStat.Args> {

    public record Args(FileHandle root) {
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
    public FileHandle handle(Args a) {
        return a.root();
    }

    @Override
    public boolean mutating() {
        return false;
    }

    @Override
    public void execute(Nfs3Request req, Args a, XdrWriter out) {
        var r = req.fs().fsStat(req.identity(), a.root());
        out.writeInt(Nfs3Status.of(r.getStatus()));
        Nfs3Xdr.postOpAttr(out, r.hasAttr() ? r.getAttr() : null);
        if (r.getStatus() == Status.OK) {
            out.writeLong(r.getTotalBytes()).writeLong(r.getFreeBytes()).writeLong(r.getAvailBytes())
                    .writeLong(r.getTotalFiles()).writeLong(r.getFreeFiles()).writeLong(r.getAvailFiles())
                    .writeInt(0);
        }
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.attrFailure(out, status);
    }
}
