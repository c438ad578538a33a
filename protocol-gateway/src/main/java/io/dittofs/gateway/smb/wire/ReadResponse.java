package io.dittofs.gateway.smb.wire;

import java.nio.ByteBuffer;

/** SMB2 READ response (MS-SMB2 2.2.20): the data right after the 16-byte body, at offset 80. */
public record ReadResponse(ByteBuffer data) {

    public void encode(SmbWriter w) {
        w.u16(17).u8(80).u8(0).i32(data.remaining()).i32(0).i32(0).bytes(data);
    }
}
