package io.dittofs.gateway.smb.wire;

/** SMB2 FLUSH request (MS-SMB2 2.2.17); the response is the 4-byte {@link #encodeResponse}. */
public record FlushRequest(FileId fileId) {

    public static FlushRequest decode(SmbReader r) throws WireException {
        if (r.u16() != 24) {
            throw new WireException("FLUSH StructureSize is not 24");
        }
        r.skip(6);
        return new FlushRequest(FileId.decode(r));
    }

    public void encode(SmbWriter w) {
        w.u16(24).u16(0).i32(0);
        fileId.encode(w);
    }

    public static void encodeResponse(SmbWriter w) {
        w.u16(4).u16(0);
    }
}
