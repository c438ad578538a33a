package io.dittofs.gateway.smb.wire;

/** SMB2 ECHO request and response body (MS-SMB2 2.2.28, 2.2.29): a structure size and two reserved bytes. */
public record EchoMessage() {

    public static final int STRUCTURE_SIZE = 4;

    public static EchoMessage decode(SmbReader r) throws WireException {
        if (r.u16() != STRUCTURE_SIZE) {
            throw new WireException("ECHO StructureSize is not 4");
        }
        r.skip(2);
        return new EchoMessage();
    }

    public void encode(SmbWriter w) {
        w.u16(STRUCTURE_SIZE).u16(0);
    }
}
