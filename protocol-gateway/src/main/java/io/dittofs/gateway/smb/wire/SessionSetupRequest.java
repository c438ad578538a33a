package io.dittofs.gateway.smb.wire;

/** SMB2 SESSION_SETUP request body (MS-SMB2 2.2.5). */
public record SessionSetupRequest(int flags, int securityMode, int capabilities, long previousSessionId,
                                  byte[] securityBuffer) {

    public static final int STRUCTURE_SIZE = 25;
    /** Flags: bind an existing session to a new channel (multichannel). */
    public static final int FLAG_BINDING = 0x01;

    public SessionSetupRequest {
        securityBuffer = securityBuffer.clone();
    }

    @Override
    public byte[] securityBuffer() {
        return securityBuffer.clone();
    }

    public static SessionSetupRequest decode(SmbReader r) throws WireException {
        if (r.u16() != STRUCTURE_SIZE) {
            throw new WireException("SESSION_SETUP StructureSize is not 25");
        }
        int flags = r.u8();
        int mode = r.u8();
        int caps = r.i32();
        r.skip(4);
        int off = r.u16();
        int len = r.u16();
        long previous = r.i64();
        return new SessionSetupRequest(flags, mode, caps, previous, r.slice(0, off, len));
    }

    /** A client's view, for tests: body after a 64-byte header already in {@code w}. */
    public void encode(SmbWriter w) {
        w.u16(STRUCTURE_SIZE).u8(flags).u8(securityMode).i32(capabilities).i32(0).u16(Smb2Header.SIZE + 24)
                .u16(securityBuffer.length).i64(previousSessionId).bytes(securityBuffer);
    }
}
