package io.dittofs.gateway.nfs.v3;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.block.v1.Stability;
import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_WRITE (RFC 1813 §3.3.7): RecordWrite in the namespace, then the bytes to the block-service. */
public final class Write implements Nfs3Procedure<Write.Args> {

    public record Args(FileHandle file, long offset, long count, int stable, ByteString data) {
    }

    @Override
    public int number() {
        return 7;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        FileHandle h = Nfs3Xdr.handle(in);
        long offset = in.readLong();
        long count = in.readUnsignedInt();
        int stable = in.readEnum(2);
        var slice = in.readOpaqueSlice(FsInfo.MAX_TRANSFER);
        return new Args(h, offset, count, stable, ByteString.copyFrom(slice.nioBuffer()));
    }

    @Override
    public FileHandle handle(Args a) {
        return a.file();
    }

    @Override
    public boolean mutating() {
        return true;
    }

    @Override
    public boolean nonIdempotent() {
        // rewriting the same bytes at the same offset is harmless; not worth cache memory
        return false;
    }

    @Override
    public void execute(Nfs3Request req, Args a, XdrWriter out) {
        if (a.offset() < 0 || a.count() > a.data().size() || a.offset() + a.data().size() < 0) {
            Nfs3Procedure.wccFailure(out, a.offset() < 0 || a.offset() + a.data().size() < 0 ? Nfs3Status.FBIG : Nfs3Status.INVAL);
            return;
        }
        ByteString data = a.count() < a.data().size() ? a.data().substring(0, (int) a.count()) : a.data();
        var r = req.fs().write(req.identity(), a.file(), a.offset(), data, Stability.forNumber(a.stable()));
        out.writeInt(Nfs3Status.of(r.status()));
        Nfs3Xdr.wcc(out, r.wcc());
        if (r.status() == Status.OK) {
            out.writeInt((int) r.count()).writeInt(r.committed().getNumber()).writeFixedOpaque(Verifiers.of(r.verifier()));
        }
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.wccFailure(out, status);
    }
}
