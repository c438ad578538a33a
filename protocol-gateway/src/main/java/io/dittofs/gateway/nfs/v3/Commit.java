package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.Wcc;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_COMMIT (RFC 1813 §3.3.21): makes UNSTABLE writes durable; returns the write verifier. */
public final class Commit implements Nfs3Procedure<Commit.Args> {

    public record Args(Handle file, long offset, long count) {
    }

    @Override
    public int number() {
        return 21;
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
        // COMMIT changes no state a read-only share protects; clients commit after reads of mmaps too
        return false;
    }

    @Override
    public void execute(Nfs3Request req, Args a, XdrWriter out) {
        // stateless: the facade's open (the namespace call COMMIT always made) and the content's commit in one call
        var r = req.fs().commit(req.principal(), a.file(), a.offset(), a.count());
        out.writeInt(Nfs3Status.of(r.status()));
        Nfs3Xdr.wcc(out, Wcc.after(r.attr()));
        if (r.status().ok()) {
            out.writeFixedOpaque(Verifiers.of(r.verifier()));
        }
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.wccFailure(out, status);
    }
}
