package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.DirEntry;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/**
 * NFSPROC3_READDIRPLUS (RFC 1813 §3.3.17): names, handles and attributes from ONE metadata call,
 * cut to fit both {@code dircount} (entry3 bytes) and {@code maxcount} (the whole reply).
 */
public final class ReadDirPlus implements Nfs3Procedure<ReadDirPlus.Args> {

    public record Args(Handle dir, long cookie, byte[] verifier, long dircount, long maxcount) {
    }

    @Override
    public int number() {
        return 17;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(Nfs3Xdr.handle(in), in.readLong(), in.readFixedOpaque(8), in.readUnsignedInt(),
                in.readUnsignedInt());
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
        long max = Math.min(a.maxcount(), FsInfo.MAX_TRANSFER) - ReadDir.OVERHEAD;
        long dirBudget = a.dircount() == 0 ? max : a.dircount();
        var r = req.fs().readDir(req.principal(), a.dir(), DirPages.query(a.cookie(), a.verifier(),
                Math.min(max, dirBudget * 4), true));
        int statusAt = out.buffer().writerIndex();
        out.writeInt(Nfs3Status.of(r.status()));
        Nfs3Xdr.postOpAttr(out, r.dirAttr());
        if (!r.status().ok()) {
            return;
        }
        int afterAttrs = out.buffer().writerIndex();
        out.writeFixedOpaque(Verifiers.of(r.verifier()));
        long used = 0;
        long dirUsed = 0;
        int sent = 0;
        for (DirEntry e : r.entries()) {
            int base = DirPages.entryBytes(e.name());
            int cost = base + 4 + 84 + 4 + 4 + (e.handle() == null ? 0 : (e.handle().length() + 3) & ~3);
            if (used + cost > max || dirUsed + base > dirBudget) {
                break;
            }
            out.writeBool(true).writeLong(e.fileid()).writeString(e.name()).writeLong(e.cookie());
            Nfs3Xdr.postOpAttr(out, e.attr());
            Nfs3Xdr.postOpFh(out, e.handle());
            used += cost;
            dirUsed += base;
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
