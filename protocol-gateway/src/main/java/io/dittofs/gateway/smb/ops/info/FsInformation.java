package io.dittofs.gateway.smb.ops.info;

import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FsStat;
import io.dittofs.gateway.smb.ops.Attrs;
import io.dittofs.gateway.smb.wire.SmbWriter;

/** File-system information classes of QUERY_INFO (MS-FSCC 2.5), from the share's FSSTAT figures. */
public final class FsInformation {

    public static final int VOLUME = 1;
    public static final int SIZE = 3;
    public static final int DEVICE = 4;
    public static final int ATTRIBUTE = 5;
    public static final int CONTROL = 6;
    public static final int FULL_SIZE = 7;
    public static final int OBJECT_ID = 8;
    public static final int SECTOR_SIZE = 11;

    /** FILE_NAMED_STREAMS: files and directories have named streams (smb/ops/Streams, kept as xattrs). */
    static final int FILE_NAMED_STREAMS = 0x00040000;

    private static final int SECTOR = 512;
    private static final int SECTORS_PER_UNIT = 8;
    private static final int UNIT = SECTOR * SECTORS_PER_UNIT;
    /**
     * FILE_CASE_SENSITIVE_SEARCH | FILE_CASE_PRESERVED_NAMES | FILE_UNICODE_ON_DISK | FILE_PERSISTENT_ACLS
     * | FILE_SUPPORTS_SPARSE_FILES (FSCTL_SET_SPARSE, QUERY_ALLOCATED_RANGES and SET_ZERO_DATA are answered)
     * | FILE_NAMED_STREAMS | FILE_SUPPORTS_BLOCK_REFCOUNTING (FSCTL_DUPLICATE_EXTENTS_TO_FILE shares the
     * block service's blocks).
     */
    private static final int FS_ATTRIBUTES = 0x1 | 0x2 | 0x4 | 0x8 | 0x40 | FILE_NAMED_STREAMS | 0x0800_0000;

    private FsInformation() {
    }

    public static int fixedSize(int infoClass) {
        return switch (infoClass) {
            case SIZE -> 24;
            case DEVICE -> 8;
            case FULL_SIZE -> 32;
            case CONTROL -> 48;
            case OBJECT_ID -> 64;
            case SECTOR_SIZE -> 28;
            default -> -1;
        };
    }

    public static int minimumSize(int infoClass) {
        return switch (infoClass) {
            case VOLUME -> 24;
            case ATTRIBUTE -> 16;
            default -> fixedSize(infoClass);
        };
    }

    /** Null for an unknown class. {@code root} gives the volume's creation time and serial number. */
    public static byte[] encode(int infoClass, FsStat stat, FileAttr root, String label) {
        SmbWriter w = new SmbWriter(96);
        long total = stat.totalBytes() / UNIT;
        long avail = stat.availBytes() / UNIT;
        long free = stat.freeBytes() / UNIT;
        switch (infoClass) {
            case VOLUME -> {
                byte[] n = SmbWriter.utf16(label);
                w.i64(Attrs.fileTime(root.ctime())).i32((int) (root.fsid() ^ (root.fsid() >>> 32))).i32(n.length)
                        .u8(0).u8(0).bytes(n);
            }
            case SIZE -> w.i64(total).i64(avail).i32(SECTORS_PER_UNIT).i32(SECTOR);
            case DEVICE -> w.i32(7).i32(0x20); // FILE_DEVICE_DISK, FILE_DEVICE_IS_MOUNTED
            case ATTRIBUTE -> {
                byte[] n = SmbWriter.utf16("NTFS");
                w.i32(FS_ATTRIBUTES).i32(255).i32(n.length).bytes(n);
            }
            case FULL_SIZE -> w.i64(total).i64(avail).i64(free).i32(SECTORS_PER_UNIT).i32(SECTOR);
            // quotas are not tracked: no thresholds, no limits, FILE_VC_QUOTAS_... flags all clear
            case CONTROL -> w.i64(0).i64(0).i64(0).i64(-1).i64(-1).i32(0).i32(0);
            case OBJECT_ID -> w.i64(root.fsid()).i64(root.fileid()).zeros(48);
            case SECTOR_SIZE -> w.i32(SECTOR).i32(SECTOR).i32(SECTOR).i32(SECTOR).i32(0x3).i32(0).i32(0);
            default -> {
                return null;
            }
        }
        return w.toByteArray();
    }
}
