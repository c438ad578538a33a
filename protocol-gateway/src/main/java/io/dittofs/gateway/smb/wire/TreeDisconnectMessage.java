package io.dittofs.gateway.smb.wire;

/** SMB2 TREE_DISCONNECT request and response body (MS-SMB2 2.2.11, 2.2.12). */
public record TreeDisconnectMessage() {

    public static final int STRUCTURE_SIZE = 4;

    public static TreeDisconnectMessage decode(SmbReader r) throws WireException {
        if (r.u16() != STRUCTURE_SIZE) {
            throw new WireException("TREE_DISCONNECT StructureSize is not 4");
        }
        r.skip(2);
        return new TreeDisconnectMessage();
    }

    public void encode(SmbWriter w) {
        w.u16(STRUCTURE_SIZE).u16(0);
    }
}
