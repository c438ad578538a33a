package io.dittofs.gateway.smb.wire;

/**
 * The attributes most responses carry (CREATE, CLOSE, directory entries, network-open info):
 * four FILETIMEs, sizes, FileAttributes (MS-FSCC 2.6) and the 64-bit file id.
 */
public record FileBasics(long creationTime, long lastAccessTime, long lastWriteTime, long changeTime,
                         long allocationSize, long endOfFile, int attributes, long fileId, int links) {

    public static final int ATTR_READONLY = 0x1;
    public static final int ATTR_HIDDEN = 0x2;
    public static final int ATTR_SYSTEM = 0x4;
    public static final int ATTR_DIRECTORY = 0x10;
    public static final int ATTR_ARCHIVE = 0x20;
    public static final int ATTR_NORMAL = 0x80;
    public static final int ATTR_TEMPORARY = 0x100;
    public static final int ATTR_SPARSE_FILE = 0x200;
    public static final int ATTR_OFFLINE = 0x1000;

    public boolean directory() {
        return (attributes & ATTR_DIRECTORY) != 0;
    }

    public void encodeTimes(SmbWriter w) {
        w.i64(creationTime).i64(lastAccessTime).i64(lastWriteTime).i64(changeTime);
    }
}
