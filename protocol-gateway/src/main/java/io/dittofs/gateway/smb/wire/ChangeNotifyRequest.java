package io.dittofs.gateway.smb.wire;

import java.util.List;

/**
 * SMB2 CHANGE_NOTIFY request (MS-SMB2 2.2.35) and its response (2.2.36) carrying
 * FILE_NOTIFY_INFORMATION entries (MS-FSCC 2.4.42). The request is fixed-size, so decoding is
 * bounded by construction.
 */
public record ChangeNotifyRequest(int flags, long outputBufferLength, FileId fileId, int completionFilter) {

    /** Flags: the whole tree below the directory, not only its entries. */
    public static final int WATCH_TREE = 0x0001;

    public static final int FILE_NAME = 0x001;
    public static final int DIR_NAME = 0x002;
    public static final int ATTRIBUTES = 0x004;
    public static final int SIZE = 0x008;
    public static final int LAST_WRITE = 0x010;
    public static final int LAST_ACCESS = 0x020;
    public static final int CREATION = 0x040;
    public static final int EA = 0x080;
    public static final int SECURITY = 0x100;
    public static final int STREAM_NAME = 0x200;
    public static final int STREAM_SIZE = 0x400;
    public static final int STREAM_WRITE = 0x800;

    public boolean watchTree() {
        return (flags & WATCH_TREE) != 0;
    }

    public static ChangeNotifyRequest decode(SmbReader r) throws WireException {
        if (r.u16() != 32) {
            throw new WireException("CHANGE_NOTIFY StructureSize is not 32");
        }
        int flags = r.u16();
        long length = r.u32();
        FileId id = FileId.decode(r);
        int filter = r.i32();
        r.skip(4);
        return new ChangeNotifyRequest(flags, length, id, filter);
    }

    public void encode(SmbWriter w) {
        w.u16(32).u16(flags).i32((int) outputBufferLength);
        fileId.encode(w);
        w.i32(completionFilter).i32(0);
    }

    /** One FILE_NOTIFY_INFORMATION entry: action (1 added … 5 renamed new name) and a path relative to the watched directory. */
    public record Entry(int action, String name) {
    }

    /** The bytes of a FILE_NOTIFY_INFORMATION chain: each entry 4-byte aligned, NextEntryOffset 0 on the last. */
    public static byte[] encodeEntries(List<Entry> entries) {
        SmbWriter w = new SmbWriter(64 * Math.max(1, entries.size()));
        int previous = -1;
        for (Entry e : entries) {
            w.align(4);
            int at = w.position();
            if (previous >= 0) {
                w.setI32(previous, at - previous);
            }
            byte[] name = SmbWriter.utf16(e.name());
            w.i32(0).i32(e.action()).i32(name.length).bytes(name);
            previous = at;
        }
        return w.toByteArray();
    }

    /** Bytes {@link #encodeEntries} would take (each entry padded to 4 bytes but the last). */
    public static int size(List<Entry> entries) {
        int n = 0;
        for (int i = 0; i < entries.size(); i++) {
            n = (n + 3) & ~3;
            n += 12 + 2 * entries.get(i).name().length();
        }
        return n;
    }

    /** The response body (MS-SMB2 2.2.36): StructureSize 9, the buffer right after the 8-byte fixed part. */
    public static void encodeResponse(SmbWriter w, byte[] buffer) {
        w.u16(9).u16(buffer.length == 0 ? 0 : Smb2Header.SIZE + 8).i32(buffer.length);
        if (buffer.length == 0) {
            w.u8(0);
        } else {
            w.bytes(buffer);
        }
    }
}
