package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_READ (RFC 1813 §3.3.6); counts above rtmax are clamped to it. */
public final class Read implements Nfs3Procedure<Read.Args> {

    public record Args(Handle file, long offset, long count) {
    }

    @Override
    public int number() {
        return 6;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(Nfs3Xdr.handle(in), in.readLong(), in.readUnsignedInt());
    }

    @Override
    public Handle handle(Args a) {
        return a.file();
    }

    @Override
    public boolean mutating() {
        return false;
    }

    /** A read of data already in memory (resident block pages) is answered on the event loop. */
    @Override
    public boolean inlinable() {
        return true;
    }

    @Override
    public void execute(Nfs3Request req, Args a, XdrWriter out) {
        if (a.offset() < 0) {
            // offsets are unsigned on the wire; beyond 2^63 - 1 nothing can exist
            Nfs3Procedure.attrFailure(out, Nfs3Status.INVAL);
            return;
        }
        int count = (int) Math.min(a.count(), FsInfo.MAX_TRANSFER);
        // stateless: the facade checks READ permission and reads the content in one call
        var r = req.fs().read(req.principal(), a.file(), a.offset(), count);
        out.writeInt(Nfs3Status.of(r.status()));
        Nfs3Xdr.postOpAttr(out, r.attr());
        if (r.status().ok()) {
            out.writeInt(r.data().remaining()).writeBool(r.eof());
            out.writeLastOpaque(r.data()); // READ3resok ends with the data
        }
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.attrFailure(out, status);
    }
}
