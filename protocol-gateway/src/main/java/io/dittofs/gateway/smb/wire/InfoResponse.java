package io.dittofs.gateway.smb.wire;

/** SMB2 QUERY_DIRECTORY and QUERY_INFO responses (MS-SMB2 2.2.34, 2.2.38): a buffer at offset 72. */
public record InfoResponse(byte[] buffer) {

    public InfoResponse {
        buffer = buffer.clone();
    }

    public void encode(SmbWriter w) {
        w.u16(9).u16(buffer.length == 0 ? 0 : Smb2Header.SIZE + 8).i32(buffer.length);
        if (buffer.length == 0) {
            w.u8(0);
        } else {
            w.bytes(buffer);
        }
    }
}
