package io.dittofs.gateway.smb.wire;

/** SMB2 READ request (MS-SMB2 2.2.19); channel info (RDMA) is not read. */
public record ReadRequest(int flags, long length, long offset, FileId fileId, long minimumCount) {

    public static ReadRequest decode(SmbReader r) throws WireException {
        if (r.u16() != 49) {
            throw new WireException("READ StructureSize is not 49");
        }
        r.skip(1);
        int flags = r.u8();
        long length = r.u32();
        long offset = r.i64();
        FileId id = FileId.decode(r);
        long min = r.u32();
        return new ReadRequest(flags, length, offset, id, min);
    }

    public void encode(SmbWriter w) {
        w.u16(49).u8(0).u8(flags).i32((int) length).i64(offset);
        fileId.encode(w);
        w.i32((int) minimumCount).i32(0).i32(0).u16(0).u16(0).u8(0);
    }
}
