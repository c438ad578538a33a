package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.fs.model.AccessMode;
import io.dittofs.gateway.fs.model.CommitResult;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.OpenFile;
import io.dittofs.gateway.fs.model.Stability;
import io.dittofs.gateway.fs.model.Wcc;
import io.dittofs.gateway.fs.model.WriteResult;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.identity.Principal;

/**
 * A WRITE of zero bytes (RFC 7530 §16.36: "if the count is zero, the WRITE will succeed and
 * return a count of zero subject to permissions checking"): permission is checked, nothing is
 * written, so neither the size nor time_modify/change move (a facade write would record a
 * modification). The verifier is the one COMMIT answers, which is WRITE's.
 */
final class EmptyWrite {

    private EmptyWrite() {
    }

    /** Through an open already granted WRITE. */
    static WriteResult through(FileSystem fs, OpenFile file, long offset) {
        CommitResult c = fs.commit(file, offset, 0);
        if (!c.status().ok()) {
            return new WriteResult(c.status(), Wcc.after(file.attr()), 0, Stability.FILE_SYNC, new byte[8]);
        }
        return new WriteResult(FsStatus.OK, Wcc.after(c.attr()), 0, Stability.FILE_SYNC, c.verifier());
    }

    /** With a special stateid: the namespace checks write permission as a write would. */
    static WriteResult checked(FileSystem fs, Principal who, Handle h, long offset) {
        var opened = fs.open(who, h, AccessMode.WRITE);
        if (!opened.status().ok()) {
            return new WriteResult(opened.status(), Wcc.after(opened.attr()), 0, Stability.FILE_SYNC, new byte[8]);
        }
        return through(fs, opened.file(), offset);
    }
}
