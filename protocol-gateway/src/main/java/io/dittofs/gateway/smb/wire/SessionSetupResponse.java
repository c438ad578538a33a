package io.dittofs.gateway.smb.wire;

/** SMB2 SESSION_SETUP response body (MS-SMB2 2.2.6). */
public record SessionSetupResponse(int sessionFlags, byte[] securityBuffer) {

    public static final int STRUCTURE_SIZE = 9;
    public static final int IS_GUEST = 0x0001;
    public static final int IS_NULL = 0x0002;
    public static final int ENCRYPT_DATA = 0x0004;

    public SessionSetupResponse {
        securityBuffer = securityBuffer.clone();
    }

    @Override
    public byte[] securityBuffer() {
        return securityBuffer.clone();
    }

    public void encode(SmbWriter w) {
        w.u16(STRUCTURE_SIZE).u16(sessionFlags).u16(securityBuffer.length == 0 ? 0 : Smb2Header.SIZE + 8)
                .u16(securityBuffer.length).bytes(securityBuffer);
        if (securityBuffer.length == 0) {
            w.u8(0);
        }
    }

    public static SessionSetupResponse decode(SmbReader r) throws WireException {
        if (r.u16() != STRUCTURE_SIZE) {
            throw new WireException("SESSION_SETUP response StructureSize is not 9");
        }
        int flags = r.u16();
        int off = r.u16();
        int len = r.u16();
        return new SessionSetupResponse(flags, r.slice(0, off, len));
    }
}
