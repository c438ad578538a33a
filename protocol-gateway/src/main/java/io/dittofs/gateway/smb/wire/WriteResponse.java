package io.dittofs.gateway.smb.wire;

/** SMB2 WRITE response (MS-SMB2 2.2.22). */
public record WriteResponse(int count) {

    public void encode(SmbWriter w) {
        w.u16(17).u16(0).i32(count).i32(0).u16(0).u16(0);
    }
}
