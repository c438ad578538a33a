package io.dittofs.nfsclient;

import java.util.List;

/** NFSv3 reply records (RFC 1813) and constants. */
public final class Nfs3 {

    public static final int PROGRAM = 100003;
    public static final int OK = 0;
    public static final int PERM = 1;
    public static final int NOENT = 2;
    public static final int ACCES = 13;
    public static final int EXIST = 17;
    public static final int NOTDIR = 20;
    public static final int ISDIR = 21;
    public static final int INVAL = 22;
    public static final int ROFS = 30;
    public static final int NAMETOOLONG = 63;
    public static final int NOTEMPTY = 66;
    public static final int STALE = 70;
    public static final int BADHANDLE = 10001;
    public static final int BAD_COOKIE = 10003;
    public static final int TOOSMALL = 10005;
    public static final int BADTYPE = 10007;

    public static final int UNSTABLE = 0;
    public static final int DATA_SYNC = 1;
    public static final int FILE_SYNC = 2;

    private Nfs3() {
    }

    public record AttrReply(int status, Fattr attr) {
    }

    public record HandleReply(int status, byte[] handle, Fattr attr) {
    }

    public record AccessReply(int status, int access) {
    }

    public record ReadLinkReply(int status, String target) {
    }

    public record ReadReply(int status, int count, boolean eof, byte[] data) {
    }

    public record WriteReply(int status, int count, int committed, byte[] verifier, Fattr attr) {
    }

    public record CommitReply(int status, byte[] verifier) {
    }

    public record Entry(long fileid, String name, long cookie, Fattr attr, byte[] handle) {
    }

    public record ReadDirReply(int status, byte[] verifier, List<Entry> entries, boolean eof) {
    }

    public record FsStatReply(int status, long totalBytes, long freeBytes, long availBytes, long totalFiles,
                              long freeFiles, long availFiles) {
    }

    public record FsInfoReply(int status, int rtmax, int rtpref, int wtmax, int wtpref, int dtpref, long maxFileSize,
                              int properties) {
    }

    public record PathConfReply(int status, int linkMax, int nameMax, boolean noTrunc, boolean chownRestricted,
                                boolean caseInsensitive, boolean casePreserving) {
    }
}
