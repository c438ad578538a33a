package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.fs.model.Time;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_SETATTR (RFC 1813 §3.3.2); a size change also truncates the content. */
public final class SetAttr implements Nfs3Procedure<SetAttr.Args> {

    /** @param guard ctime the object must still have, or null */
    public record Args(Handle object, SetAttrs attrs, Time guard) {
    }

    @Override
    public int number() {
        return 2;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        Handle h = Nfs3Xdr.handle(in);
        SetAttrs attrs = Nfs3Xdr.sattr(in);
        Time guard = in.readBool() ? Nfs3Xdr.time(in) : null;
        return new Args(h, attrs, guard);
    }

    @Override
    public Handle handle(Args a) {
        return a.object();
    }

    @Override
    public boolean mutating() {
        return true;
    }

    @Override
    public void execute(Nfs3Request req, Args a, XdrWriter out) {
        var r = req.fs().setAttr(req.principal(), a.object(), a.attrs(), a.guard());
        out.writeInt(Nfs3Status.of(r.status()));
        Nfs3Xdr.wcc(out, r.wcc());
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.wccFailure(out, status);
    }
}
