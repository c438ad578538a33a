package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.fs.model.AccessBits;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_ACCESS (RFC 1813 §3.3.4); modify, extend and delete only where the share gate allows modifying. */
public final class Access implements Nfs3Procedure<Access.Args> {

    static final int ACCESS3_READ = 0x01;
    static final int ACCESS3_LOOKUP = 0x02;
    static final int ACCESS3_MODIFY = 0x04;
    static final int ACCESS3_EXTEND = 0x08;
    static final int ACCESS3_DELETE = 0x10;
    static final int ACCESS3_EXECUTE = 0x20;

    public record Args(Handle object, int access) {
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
        int requested = toNeutral(a.access());
        var r = req.fs().access(req.principal(), a.object(), requested);
        out.writeInt(Nfs3Status.of(r.status()));
        Nfs3Xdr.postOpAttr(out, r.attr());
        if (r.status().ok()) {
            int granted = r.granted() & requested;
            out.writeInt(toWire(req.mayModify() ? granted : granted & ~AccessBits.WRITES));
        }
    }

    /** ACCESS3_* bits to the neutral bits, one by one; unknown bits are ignored. */
    static int toNeutral(int wire) {
        int n = 0;
        n |= (wire & ACCESS3_READ) != 0 ? AccessBits.READ : 0;
        n |= (wire & ACCESS3_LOOKUP) != 0 ? AccessBits.LOOKUP : 0;
        n |= (wire & ACCESS3_MODIFY) != 0 ? AccessBits.MODIFY : 0;
        n |= (wire & ACCESS3_EXTEND) != 0 ? AccessBits.EXTEND : 0;
        n |= (wire & ACCESS3_DELETE) != 0 ? AccessBits.DELETE : 0;
        n |= (wire & ACCESS3_EXECUTE) != 0 ? AccessBits.EXECUTE : 0;
        return n;
    }

    static int toWire(int neutral) {
        int w = 0;
        w |= (neutral & AccessBits.READ) != 0 ? ACCESS3_READ : 0;
        w |= (neutral & AccessBits.LOOKUP) != 0 ? ACCESS3_LOOKUP : 0;
        w |= (neutral & AccessBits.MODIFY) != 0 ? ACCESS3_MODIFY : 0;
        w |= (neutral & AccessBits.EXTEND) != 0 ? ACCESS3_EXTEND : 0;
        w |= (neutral & AccessBits.DELETE) != 0 ? ACCESS3_DELETE : 0;
        w |= (neutral & AccessBits.EXECUTE) != 0 ? ACCESS3_EXECUTE : 0;
        return w;
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.attrFailure(out, status);
    }
}
