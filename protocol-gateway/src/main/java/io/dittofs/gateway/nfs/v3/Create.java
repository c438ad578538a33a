package io.dittofs.gateway.nfs.v3;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.FileType;
import io.dittofs.contracts.metadata.v1.CreateMode;
import io.dittofs.contracts.metadata.v1.CreateRequest;
import io.dittofs.contracts.metadata.v1.SetAttrs;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_CREATE (RFC 1813 §3.3.8): UNCHECKED, GUARDED or EXCLUSIVE (idempotent by verifier). */
public final class Create implements Nfs3Procedure<Create.Args> {

    /** @param verifier EXCLUSIVE only: the client's 8-byte createverf3 */
    public record Args(Nfs3Xdr.DirOp where, int mode, SetAttrs attrs, byte[] verifier) {
    }

    @Override
    public int number() {
        return 8;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        Nfs3Xdr.DirOp where = Nfs3Xdr.dirOp(in);
        int mode = in.readEnum(2);
        if (mode == CreateMode.EXCLUSIVE_VALUE) {
            return new Args(where, mode, SetAttrs.getDefaultInstance(), in.readFixedOpaque(8));
        }
        return new Args(where, mode, Nfs3Xdr.sattr(in), new byte[0]);
    }

    @Override
    public FileHandle handle(Args a) {
        return a.where().dir();
    }

    @Override
    public boolean mutating() {
        return true;
    }

    @Override
    public void execute(Nfs3Request req, Args a, XdrWriter out) {
        var r = req.fs().create(CreateRequest.newBuilder().setIdentity(req.identity()).setDir(a.where().dir())
                .setName(a.where().name()).setType(FileType.REGULAR).setMode(CreateMode.forNumber(a.mode()))
                .setAttrs(a.attrs()).setVerifier(ByteString.copyFrom(a.verifier())).build());
        Nfs3Xdr.created(out, r);
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.wccFailure(out, status);
    }
}
