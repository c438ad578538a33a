package io.dittofs.gateway.smb.wire;

/** SMB2 SET_INFO request (MS-SMB2 2.2.39); the response is the 2-byte {@link #encodeResponse}. */
public record SetInfoRequest(int infoType, int infoClass, byte[] buffer, int additionalInformation, FileId fileId) {

    public static final int MAX_BUFFER_BYTES = 65536;

    public SetInfoRequest {
        buffer = buffer.clone();
    }

    @Override
    public byte[] buffer() {
        return buffer.clone();
    }

    public static SetInfoRequest decode(SmbReader r) throws WireException {
        if (r.u16() != 33) {
            throw new WireException("SET_INFO StructureSize is not 33");
        }
        int type = r.u8();
        int cls = r.u8();
        long len = r.u32();
        int off = r.u16();
        r.skip(2);
        int additional = r.i32();
        FileId id = FileId.decode(r);
        if (len > MAX_BUFFER_BYTES) {
            throw new WireException("SET_INFO buffer of " + len + " bytes");
        }
        return new SetInfoRequest(type, cls, r.slice(0, off, len), additional, id);
    }

    public void encode(SmbWriter w) {
        w.u16(33).u8(infoType).u8(infoClass).i32(buffer.length).u16(Smb2Header.SIZE + 32).u16(0)
                .i32(additionalInformation);
        fileId.encode(w);
        w.bytes(buffer);
    }

    public static void encodeResponse(SmbWriter w) {
        w.u16(2);
    }
}
