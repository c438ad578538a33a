package io.dittofs.gateway.nfs.v3;

import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.AccessBits;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_ACCESS (RFC 1813 §3.3.4); a read-only share never grants modify, extend or delete. */
public final class Access implements Nfs3Procedure<Access.Args> {

    static final int WRITE_BITS = AccessBits.ACCESS_MODIFY_VALUE | AccessBits.ACCESS_EXTEND_VALUE
            | AccessBits.ACCESS_DELETE_VALUE;

    public record Args(FileHandle object, int access) {
    }

    @Override
    public int number() {
        return 4;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(Nfs3Xdr.handle(in), in.readInt());
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
        int requested = a.access() & 0x3f;
        var r = req.fs().access(req.identity(), a.object(), requested);
        out.writeInt(Nfs3Status.of(r.getStatus()));
        Nfs3Xdr.postOpAttr(out, r.hasAttr() ? r.getAttr() : null);
        if (r.getStatus() == Status.OK) {
            int granted = r.getGranted() & requested;
            out.writeInt(req.share().readOnly() ? granted & ~WRITE_BITS : granted);
        }
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.attrFailure(out, status);
    }
}
