package io.dittofs.nfsclient;

/** fattr3 (RFC 1813 §2.6); times are seconds since the epoch. */
public record Fattr(int type, int mode, int nlink, int uid, int gid, long size, long used, long fsid, long fileid,
                    long atime, long mtime, long ctime) {

    public static final int REG = 1;
    public static final int DIR = 2;
    public static final int BLK = 3;
    public static final int CHR = 4;
    public static final int LNK = 5;
    public static final int SOCK = 6;
    public static final int FIFO = 7;

    static Fattr read(XdrIn in) {
        int type = in.readInt();
        int mode = in.readInt();
        int nlink = in.readInt();
        int uid = in.readInt();
        int gid = in.readInt();
        long size = in.readLong();
        long used = in.readLong();
        in.readInt();
        in.readInt();
        long fsid = in.readLong();
        long fileid = in.readLong();
        long at = in.readUnsignedInt();
        in.readInt();
        long mt = in.readUnsignedInt();
        in.readInt();
        long ct = in.readUnsignedInt();
        in.readInt();
        return new Fattr(type, mode, nlink, uid, gid, size, used, fsid, fileid, at, mt, ct);
    }

    static Fattr postOp(XdrIn in) {
        return in.readBool() ? read(in) : null;
    }

    /** Skips wcc_data, returning the post-op attributes. */
    static Fattr wcc(XdrIn in) {
        if (in.readBool()) {
            in.readLong();
            in.readLong();
            in.readLong();
        }
        return postOp(in);
    }
}
