package io.dittofs.gateway.smb.wire;

/**
 * The 24-byte oplock break body (MS-SMB2 2.2.23.1 notification, 2.2.24.1 acknowledgment, 2.2.25.1
 * response): StructureSize 24, OplockLevel, Reserved, Reserved2, FileId. A lease break
 * acknowledgment (StructureSize 36) is told apart by {@link #structureSize}.
 */
public record OplockBreak(int oplockLevel, FileId fileId) {

    public static final int STRUCTURE_SIZE = 24;
    /** SMB2 LEASE_BREAK acknowledgment (MS-SMB2 2.2.24.2): not served, leases are not granted. */
    public static final int LEASE_ACK_SIZE = 36;
    /** The MessageId of an unsolicited server message (MS-SMB2 3.3.4.6). */
    public static final long UNSOLICITED_MESSAGE_ID = -1L;

    /** The StructureSize the body starts with, without consuming it. */
    public static int structureSize(SmbReader r) throws WireException {
        int at = r.position();
        int size = r.u16();
        r.seek(at);
        return size;
    }

    public static OplockBreak decode(SmbReader r) throws WireException {
        if (r.u16() != STRUCTURE_SIZE) {
            throw new WireException("OPLOCK_BREAK StructureSize is not 24");
        }
        int level = r.u8();
        r.skip(1 + 4);
        return new OplockBreak(level, FileId.decode(r));
    }

    public void encode(SmbWriter w) {
        w.u16(STRUCTURE_SIZE).u8(oplockLevel).u8(0).i32(0);
        fileId.encode(w);
    }
}
