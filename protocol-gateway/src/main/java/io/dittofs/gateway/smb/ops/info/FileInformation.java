package io.dittofs.gateway.smb.ops.info;

import io.dittofs.gateway.smb.wire.FileBasics;
import io.dittofs.gateway.smb.wire.SmbWriter;

/**
 * File information classes of QUERY_INFO (MS-FSCC 2.4). {@link #encode} answers null for a class
 * this server does not know; {@link #fixedSize} says which classes have a fixed size (a buffer too
 * small for them is INFO_LENGTH_MISMATCH, the others are cut with BUFFER_OVERFLOW).
 */
public final class FileInformation {

    public static final int BASIC = 4;
    public static final int STANDARD = 5;
    public static final int INTERNAL = 6;
    public static final int EA = 7;
    public static final int ACCESS = 8;
    public static final int NAME = 9;
    public static final int RENAME = 10;
    public static final int LINK = 11;
    public static final int DISPOSITION = 13;
    public static final int POSITION = 14;
    public static final int FULL_EA = 15;
    public static final int MODE = 16;
    public static final int ALIGNMENT = 17;
    public static final int ALL = 18;
    public static final int ALLOCATION = 19;
    public static final int END_OF_FILE = 20;
    public static final int ALTERNATE_NAME = 21;
    public static final int STREAM = 22;
    public static final int COMPRESSION = 28;
    public static final int NETWORK_OPEN = 34;
    public static final int ATTRIBUTE_TAG = 35;
    public static final int NORMALIZED_NAME = 48;
    public static final int DISPOSITION_EX = 64;

    /** What an open adds to the file's attributes. */
    public record OpenState(int access, long position, int mode, boolean deletePending, String path) {
    }

    private FileInformation() {
    }

    public static int fixedSize(int infoClass) {
        return switch (infoClass) {
            case BASIC -> 40;
            case STANDARD -> 24;
            case INTERNAL, POSITION -> 8;
            case EA, ACCESS, MODE, ALIGNMENT -> 4;
            case COMPRESSION -> 16;
            case NETWORK_OPEN -> 56;
            case ATTRIBUTE_TAG -> 8;
            default -> -1;
        };
    }

    /** The minimum a variable class needs before it can be cut. */
    /** The size below which a variable class is INFO_LENGTH_MISMATCH (Windows rounds the fixed part up to 8). */
    public static int minimumSize(int infoClass) {
        return switch (infoClass) {
            case ALL -> 104;
            case STREAM -> 32;
            case ALTERNATE_NAME -> 8;
            case NAME -> 8;
            default -> fixedSize(infoClass);
        };
    }

    public static byte[] encode(int infoClass, FileBasics b, OpenState open) {
        SmbWriter w = new SmbWriter(128);
        switch (infoClass) {
            case BASIC -> basic(w, b);
            case STANDARD -> standard(w, b, open);
            case INTERNAL -> w.i64(b.fileId());
            case EA -> w.i32(0);
            case ACCESS -> w.i32(open.access());
            case POSITION -> w.i64(open.position());
            case MODE -> w.i32(open.mode());
            case ALIGNMENT -> w.i32(0);
            case ALL -> {
                basic(w, b);
                standard(w, b, open);
                w.i64(b.fileId()).i32(0).i32(open.access()).i64(open.position()).i32(open.mode()).i32(0);
                byte[] n = SmbWriter.utf16("\\" + open.path());
                w.i32(n.length).bytes(n);
            }
            case NAME -> {
                byte[] n = SmbWriter.utf16("\\" + open.path());
                w.i32(n.length).bytes(n);
            }
            case ALTERNATE_NAME -> {
                byte[] n = SmbWriter.utf16(ShortNames.of(open.path()));
                w.i32(n.length).bytes(n);
            }
            case STREAM -> {
                if (!b.directory()) {
                    byte[] n = SmbWriter.utf16("::$DATA");
                    w.i32(0).i32(n.length).i64(b.endOfFile()).i64(b.allocationSize()).bytes(n);
                }
            }
            case COMPRESSION -> w.i64(b.endOfFile()).u16(0).u8(0).u8(0).u8(0).zeros(3);
            case NETWORK_OPEN -> {
                b.encodeTimes(w);
                w.i64(b.allocationSize()).i64(b.endOfFile()).i32(b.attributes()).i32(0);
            }
            case ATTRIBUTE_TAG -> w.i32(b.attributes()).i32(0);
            default -> {
                return null;
            }
        }
        return w.toByteArray();
    }

    /** One stream of FileStreamInformation: its name as listed ({@code ::$DATA}, {@code :name:$DATA}), size, allocation. */
    public record StreamEntry(String name, long size, long allocationSize) {
    }

    /**
     * FileStreamInformation (MS-FSCC 2.4.43): one FILE_STREAM_INFORMATION per stream, each 8-byte
     * aligned, NextEntryOffset 0 on the last; no stream at all (a directory without named streams)
     * is an empty answer.
     */
    public static byte[] streams(java.util.List<StreamEntry> streams) {
        SmbWriter w = new SmbWriter(64 + 64 * streams.size());
        for (int i = 0; i < streams.size(); i++) {
            StreamEntry e = streams.get(i);
            byte[] n = SmbWriter.utf16(e.name());
            int len = 24 + n.length;
            int next = i == streams.size() - 1 ? 0 : (len + 7) & ~7;
            w.i32(next).i32(n.length).i64(e.size()).i64(e.allocationSize()).bytes(n);
            if (next != 0) {
                w.zeros(next - len);
            }
        }
        return w.toByteArray();
    }

    private static void basic(SmbWriter w, FileBasics b) {
        b.encodeTimes(w);
        w.i32(b.attributes()).i32(0);
    }

    private static void standard(SmbWriter w, FileBasics b, OpenState open) {
        w.i64(b.allocationSize()).i64(b.endOfFile()).i32(Math.max(1, b.links()))
                .u8(open.deletePending() ? 1 : 0).u8(b.directory() ? 1 : 0).u16(0);
    }
}
