package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_FSINFO (RFC 1813 §3.3.19): the true transfer limits of this gateway. */
public final class FsInfo implements Nfs3Procedure<FsInfo.Args> {

    /** rtmax = wtmax = the largest READ/WRITE payload a record may carry. */
    public static final int MAX_TRANSFER = 1024 * 1024;
    static final int PREFERRED_DIR = 64 * 1024;
    static final int FSF3_LINK = 0x1;
    static final int FSF3_SYMLINK = 0x2;
    static final int FSF3_HOMOGENEOUS = 0x8;
    static final int FSF3_CANSETTIME = 0x10;

    public record Args(Handle root) {
    }

    @Override
    public int number() {
        return 19;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(Nfs3Xdr.handle(in));
    }

    @Override
    public Handle handle(Args a) {
        return a.root();
    }

    @Override
    public boolean mutating() {
        return false;
    }

    @Override
    public void execute(Nfs3Request req, Args a, XdrWriter out) {
        var r = req.fs().fsInfo(req.principal(), a.root());
        out.writeInt(Nfs3Status.of(r.status()));
        Nfs3Xdr.postOpAttr(out, r.attr());
        if (!r.status().ok()) {
            return;
        }
        int props = FSF3_HOMOGENEOUS | FSF3_CANSETTIME | (r.hardLinks() ? FSF3_LINK : 0)
                | (r.symlinks() ? FSF3_SYMLINK : 0);
        long maxFile = r.maxFileSize() == 0 ? Long.MAX_VALUE : r.maxFileSize();
        out.writeInt(MAX_TRANSFER).writeInt(MAX_TRANSFER).writeInt(4096)
                .writeInt(MAX_TRANSFER).writeInt(MAX_TRANSFER).writeInt(4096)
                .writeInt(PREFERRED_DIR).writeLong(maxFile);
        if (r.timeGranularity() != null) {
            Nfs3Xdr.time(out, r.timeGranularity());
        } else {
            out.writeInt(0).writeInt(1);
        }
        out.writeInt(props);
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.attrFailure(out, status);
    }
}
