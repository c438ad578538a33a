package io.dittofs.gateway.smb.wire;

/** SMB2 WRITE request (MS-SMB2 2.2.21). An offset of all ones appends (with FILE_APPEND_DATA). */
public record WriteRequest(long offset, FileId fileId, int flags, byte[] data) {

    public static final int WRITE_THROUGH = 0x1;
    public static final long APPEND = -1L;

    public WriteRequest {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    /** The data without a copy, for the write path. */
    public java.nio.ByteBuffer buffer() {
        return java.nio.ByteBuffer.wrap(data).asReadOnlyBuffer();
    }

    /** @param maxData larger writes are refused before their bytes are copied */
    public static WriteRequest decode(SmbReader r, int maxData) throws WireException {
        if (r.u16() != 49) {
            throw new WireException("WRITE StructureSize is not 49");
        }
        int dataOffset = r.u16();
        long length = r.u32();
        long offset = r.i64();
        FileId id = FileId.decode(r);
        r.skip(12);
        int flags = r.i32();
        if (length > maxData) {
            throw new WireException("WRITE of " + length + " bytes");
        }
        return new WriteRequest(offset, id, flags, r.slice(0, dataOffset, length));
    }

    public void encode(SmbWriter w) {
        w.u16(49).u16(Smb2Header.SIZE + 48).i32(data.length).i64(offset);
        fileId.encode(w);
        w.i32(0).i32(0).u16(0).u16(0).i32(flags).bytes(data);
    }
}
