package io.dittofs.gateway.nfs.v3;

import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.Timestamp;
import io.dittofs.contracts.metadata.v1.SetAttrs;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_SETATTR (RFC 1813 §3.3.2); a size change also truncates the content. */
public final class SetAttr implements Nfs3Procedure<SetAttr.Args> {

    /** @param guard ctime the object must still have, or null */
    public record Args(FileHandle object, SetAttrs attrs, Timestamp guard) {
    }

    @Override
    public int number() {
        return 2;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        FileHandle h = Nfs3Xdr.handle(in);
        SetAttrs attrs = Nfs3Xdr.sattr(in);
        Timestamp guard = in.readBool() ? Nfs3Xdr.time(in) : null;
        return new Args(h, attrs, guard);
    }

    @Override
    public FileHandle handle(Args a) {
        return a.object();
    }

    @Override
    public boolean mutating() {
        return true;
    }

    @Override
    public void execute(Nfs3Request req, Args a, XdrWriter out) {
        var r = req.fs().setAttr(req.identity(), a.object(), a.attrs(), a.guard());
        out.writeInt(Nfs3Status.of(r.getStatus()));
        Nfs3Xdr.wcc(out, r.getWcc());
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.wccFailure(out, status);
    }
}
