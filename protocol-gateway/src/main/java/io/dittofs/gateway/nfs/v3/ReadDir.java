package io.dittofs.gateway.nfs.v3;

import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.DirEntry;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_READDIR (RFC 1813 §3.3.16): one metadata page, cut to fit {@code count} bytes. */
public final class ReadDir implements Nfs3Procedure<ReadDir.Args> {

    /** Fixed reply bytes: status, post_op_attr, cookieverf, list end, eof. */
    static final int OVERHEAD = 4 + 4 + 84 + 8 + 4 + 4;

    public record Args(FileHandle dir, long cookie, byte[] verifier, long count) {
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
    public FileHandle handle(Args a) {
        return a.dir();
    }

    @Override
    public boolean mutating() {
        return false;
    }

    @Override
    public void execute(Nfs3Request req, Args a, XdrWriter out) {
        long budget = Math.min(a.count(), FsInfo.MAX_TRANSFER) - OVERHEAD;
        var r = req.fs().readDir(DirPages.request(req.identity(), a.dir(), a.cookie(), a.verifier(), budget, false));
        int statusAt = out.buffer().writerIndex();
        out.writeInt(Nfs3Status.of(r.getStatus()));
        Nfs3Xdr.postOpAttr(out, r.hasDirAttr() ? r.getDirAttr() : null);
        if (r.getStatus() != Status.OK) {
            return;
        }
        int afterAttrs = out.buffer().writerIndex();
        out.writeFixedOpaque(Verifiers.of(r.getVerifier()));
        long used = 0;
        int sent = 0;
        for (DirEntry e : r.getEntriesList()) {
            int cost = DirPages.entryBytes(e.getName());
            if (used + cost > budget) {
                break;
            }
            out.writeBool(true).writeLong(e.getFileid()).writeString(e.getName()).writeLong(e.getCookie());
            used += cost;
            sent++;
        }
        if (sent == 0 && r.getEntriesCount() > 0) {
            DirPages.tooSmall(out, statusAt, afterAttrs);
            return;
        }
        out.writeBool(false).writeBool(r.getEof() && sent == r.getEntriesCount());
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.attrFailure(out, status);
    }
}
