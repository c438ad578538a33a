package io.dittofs.gateway.nfs.v3;

import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.Wcc;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_COMMIT (RFC 1813 §3.3.21): makes UNSTABLE writes durable; returns the write verifier. */
public final class Commit implements Nfs3Procedure<Commit.Args> {

    public record Args(FileHandle file, long offset, long count) {
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
    public FileHandle handle(Args a) {
        return a.file();
    }

    @Override
    public boolean mutating() {
        // COMMIT changes no state a read-only share protects; clients commit after reads of mmaps too
        return false;
    }

    @Override
    public void execute(Nfs3Request req, Args a, XdrWriter out) {
        var r = req.fs().commit(req.identity(), a.file(), a.offset(), a.count());
        out.writeInt(Nfs3Status.of(r.status()));
        Nfs3Xdr.wcc(out, r.attr() == null ? null : Wcc.newBuilder().setAfter(r.attr()).build());
        if (r.status() == Status.OK) {
            out.writeFixedOpaque(Verifiers.of(r.verifier()));
        }
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.wccFailure(out, status);
    }
}
