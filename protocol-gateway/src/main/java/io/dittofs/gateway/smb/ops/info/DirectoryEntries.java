package io.dittofs.gateway.smb.ops.info;

import io.dittofs.gateway.smb.wire.FileBasics;
import io.dittofs.gateway.smb.wire.SmbWriter;

/**
 * Directory entries of QUERY_DIRECTORY (MS-FSCC 2.4): the six classes clients use. NextEntryOffset
 * is left 0 here and set by the caller when another entry follows; FileIndex is 0 (as NTFS).
 */
public final class DirectoryEntries {

    public static final int DIRECTORY = 1;
    public static final int FULL_DIRECTORY = 2;
    public static final int BOTH_DIRECTORY = 3;
    public static final int NAMES = 12;
    public static final int ID_BOTH_DIRECTORY = 37;
    public static final int ID_FULL_DIRECTORY = 38;

    private DirectoryEntries() {
    }

    public static boolean known(int infoClass) {
        return switch (infoClass) {
            case DIRECTORY, FULL_DIRECTORY, BOTH_DIRECTORY, NAMES, ID_BOTH_DIRECTORY, ID_FULL_DIRECTORY -> true;
            default -> false;
        };
    }

    /** ShortNameLength, Reserved and the 24-byte ShortName field (the same 8.3 name FileAlternateNameInformation gives). */
    private static SmbWriter shortName(SmbWriter w, String name) {
        byte[] s = name.equals(".") || name.equals("..") ? new byte[0] : SmbWriter.utf16(ShortNames.of(name));
        byte[] field = java.util.Arrays.copyOf(s, 24);
        return w.u8(Math.min(s.length, 24)).u8(0).bytes(field);
    }

    public static byte[] encode(int infoClass, String name, FileBasics b) {
        byte[] n = SmbWriter.utf16(name);
        SmbWriter w = new SmbWriter(104 + n.length);
        w.i32(0).i32(0);
        if (infoClass == NAMES) {
            w.i32(n.length).bytes(n);
            return w.toByteArray();
        }
        b.encodeTimes(w);
        w.i64(b.endOfFile()).i64(b.allocationSize()).i32(b.attributes()).i32(n.length);
        switch (infoClass) {
            case FULL_DIRECTORY -> w.i32(0);
            case BOTH_DIRECTORY -> shortName(w.i32(0), name);
            case ID_BOTH_DIRECTORY -> shortName(w.i32(0), name).u16(0).i64(b.fileId());
            case ID_FULL_DIRECTORY -> w.i32(0).i32(0).i64(b.fileId());
            default -> {
            }
        }
        w.bytes(n);
        return w.toByteArray();
    }
}
