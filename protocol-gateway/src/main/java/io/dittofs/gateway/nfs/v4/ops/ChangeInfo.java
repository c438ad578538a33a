package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.fs.model.Wcc;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Names;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** change_info4 around a directory change, and the directory checks the name operations share. */
final class ChangeInfo {

    private ChangeInfo() {
    }

    /** The directory's attributes before a change; null with {@code status[0]} set when it is no directory. */
    static FileAttr dirBefore(CompoundContext c, Fh fh, int[] status) {
        if (!(fh instanceof Fh.Real r)) {
            status[0] = fh == null ? Nfs4Status.NOFILEHANDLE : Nfs4Status.ROFS;
            return null;
        }
        var a = c.server().fs().getAttr(c.principal(), r.handle());
        if (!a.status().ok()) {
            status[0] = Nfs4Status.of(a.status());
            return null;
        }
        if (a.attr().type() != FileType.DIRECTORY) {
            status[0] = a.attr().type() == FileType.SYMLINK ? Nfs4Status.SYMLINK : Nfs4Status.NOTDIR;
            return null;
        }
        status[0] = Nfs4Status.OK;
        return a.attr();
    }

    /** change_info4: not atomic (before was read by a separate call). */
    static void write(XdrWriter out, FileAttr before, Wcc wcc) {
        long after = wcc != null && wcc.after() != null ? wcc.after().change() : before.change() + 1;
        out.writeBool(false).writeLong(before.change()).writeLong(after);
    }

    static int name(byte[] raw) {
        return Names.check(raw);
    }
}
