package io.dittofs.gateway.smb.wire;

/** SMB2 LOGOFF request and response body (MS-SMB2 2.2.7, 2.2.8). */
public record LogoffMessage() {

    public static final int STRUCTURE_SIZE = 4;

    public static LogoffMessage decode(SmbReader r) throws WireException {
        if (r.u16() != STRUCTURE_SIZE) {
            throw new WireException("LOGOFF StructureSize is not 4");
        }
        r.skip(2);
        return new LogoffMessage();
    }

    public void encode(SmbWriter w) {
        w.u16(STRUCTURE_SIZE).u16(0);
    }
}
