package io.dittofs.gateway.nfs.mount;

import io.dittofs.gateway.access.Denial;
import io.dittofs.gateway.fs.model.FsStatus;

/** The ONE table from neutral outcomes to mountstat3 (RFC 1813 Appendix I). */
final class MountStatus {

    static final int OK = 0;
    static final int NOENT = 2;
    static final int IO = 5;
    static final int ACCES = 13;
    static final int SERVERFAULT = 10006;

    private MountStatus() {
    }

    static int of(Denial d) {
        return switch (d) {
            case UNKNOWN_SHARE -> NOENT;
            case NETWORK_DENIED, NO_PERMISSION, READ_ONLY -> ACCES;
        };
    }

    static int of(FsStatus s) {
        return switch (s) {
            case OK -> OK;
            case NOENT, STALE -> NOENT;
            case ACCESS, PERM -> ACCES;
            case SERVERFAULT -> SERVERFAULT;
            default -> IO;
        };
    }
}
