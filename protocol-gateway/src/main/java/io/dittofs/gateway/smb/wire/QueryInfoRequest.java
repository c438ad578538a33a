package io.dittofs.gateway.smb.wire;

/** SMB2 QUERY_INFO request (MS-SMB2 2.2.37). */
public record QueryInfoRequest(int infoType, int infoClass, long outputBufferLength, byte[] input,
                               int additionalInformation, int flags, FileId fileId) {

    public static final int FILE = 1;
    public static final int FILESYSTEM = 2;
    public static final int SECURITY = 3;
    public static final int QUOTA = 4;
    public static final int MAX_INPUT_BYTES = 65536;

    public QueryInfoRequest {
        input = input.clone();
    }

    public static QueryInfoRequest decode(SmbReader r) throws WireException {
        if (r.u16() != 41) {
            throw new WireException("QUERY_INFO StructureSize is not 41");
        }
        int type = r.u8();
        int cls = r.u8();
        long out = r.u32();
        int inOff = r.u16();
        r.skip(2);
        long inLen = r.u32();
        int additional = r.i32();
        int flags = r.i32();
        FileId id = FileId.decode(r);
        if (inLen > MAX_INPUT_BYTES) {
            throw new WireException("QUERY_INFO input of " + inLen + " bytes");
        }
        return new QueryInfoRequest(type, cls, out, r.slice(0, inOff, inLen), additional, flags, id);
    }

    public void encode(SmbWriter w) {
        w.u16(41).u8(infoType).u8(infoClass).i32((int) outputBufferLength)
                .u16(input.length == 0 ? 0 : Smb2Header.SIZE + 40).u16(0).i32(input.length)
                .i32(additionalInformation).i32(flags);
        fileId.encode(w);
        if (input.length == 0) {
            w.u8(0);
        } else {
            w.bytes(input);
        }
    }
}
