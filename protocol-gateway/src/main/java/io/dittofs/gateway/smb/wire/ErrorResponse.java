package io.dittofs.gateway.smb.wire;

/** SMB2 ERROR response body (MS-SMB2 2.2.2) without error contexts: StructureSize 9 and one byte of ErrorData. */
public record ErrorResponse() {

    public static final int STRUCTURE_SIZE = 9;

    public void encode(SmbWriter w) {
        w.u16(STRUCTURE_SIZE).u8(0).u8(0).i32(0).u8(0);
    }
}
