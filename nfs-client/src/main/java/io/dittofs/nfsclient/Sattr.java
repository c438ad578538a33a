package io.dittofs.nfsclient;

/** sattr3: null fields are left unchanged; times can be set to the server's time. */
public record Sattr(Integer mode, Integer uid, Integer gid, Long size, boolean atimeNow, boolean mtimeNow) {

    public static final Sattr NONE = new Sattr(null, null, null, null, false, false);

    public static Sattr mode(int mode) {
        return new Sattr(mode, null, null, null, false, false);
    }

    public static Sattr size(long size) {
        return new Sattr(null, null, null, size, false, false);
    }

    void write(XdrOut out) {
        out.writeBool(mode != null);
        if (mode != null) {
            out.writeInt(mode);
        }
        out.writeBool(uid != null);
        if (uid != null) {
            out.writeInt(uid);
        }
        out.writeBool(gid != null);
        if (gid != null) {
            out.writeInt(gid);
        }
        out.writeBool(size != null);
        if (size != null) {
            out.writeLong(size);
        }
        out.writeInt(atimeNow ? 1 : 0);
        out.writeInt(mtimeNow ? 1 : 0);
    }
}
