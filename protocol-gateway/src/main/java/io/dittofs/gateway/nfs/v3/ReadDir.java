package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.DirEntry;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_READDIR (RFC 1813 §3.3.16): one metadata page, cut to fit {@code count} bytes. */
public final class ReadDir implements Nfs3Procedure<ReadDir.Args> {

    /** Fixed reply bytes: status, post_op_attr, cookieverf, list end, eof. */
    static final int OVERHEAD = 4 + 4 + 84 + 8 + 4 + 4;

    public record Args(Handle dir, long cookie, byte[] verifier, long count) {
    }

    @Override
    public int number() {
        return 16;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(Nfs3Xdr.handle(in), in.readLong(), in.readFixedOpaque(8), in.readUnsignedInt());
    }

    @Override
    public Handle handle(Args a) {
        return a.dir();
    }

    @Override
    public boolean mutating() {
        return false;
    }

    @Override
    public void execute(Nfs3Request req, Args a, XdrWriter out) {
        long budget = Math.min(a.count(), FsInfo.MAX_TRANSFER) - OVERHEAD;
        var r = req.fs().readDir(req.principal(), a.dir(), DirPages.query(a.cookie(), a.verifier(), budget, false));
        int statusAt = out.buffer().writerIndex();
        out.writeInt(Nfs3Status.of(r.status()));
        Nfs3Xdr.postOpAttr(out, r.dirAttr());
        if (!r.status().ok()) {
            return;
        }
        int afterAttrs = out.buffer().writerIndex();
        out.writeFixedOpaque(Verifiers.of(r.verifier()));
        long used = 0;
        int sent = 0;
        for (DirEntry e : r.entries()) {
            int cost = DirPages.entryBytes(e.name());
            if (used + cost > budget) {
                break;
            }
            out.writeBool(true).writeLong(e.fileid()).writeString(e.name()).writeLong(e.cookie());
            used += cost;
            sent++;
        }
        if (sent == 0 && r.entries().size() > 0) {
            DirPages.tooSmall(out, statusAt, afterAttrs);
            return;
        }
        out.writeBool(false).writeBool(r.eof() && sent == r.entries().size());
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.attrFailure(out, status);
    }
}
