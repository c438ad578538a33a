package io.dittofs.gateway.smb.wire;

/** SMB2 CLOSE request (MS-SMB2 2.2.15). */
public record CloseRequest(int flags, FileId fileId) {

    public static final int POSTQUERY_ATTRIB = 0x1;

    public static CloseRequest decode(SmbReader r) throws WireException {
        if (r.u16() != 24) {
            throw new WireException("CLOSE StructureSize is not 24");
        }
        int flags = r.u16();
        r.skip(4);
        return new CloseRequest(flags, FileId.decode(r));
    }

    public void encode(SmbWriter w) {
        w.u16(24).u16(flags).i32(0);
        fileId.encode(w);
    }
}
