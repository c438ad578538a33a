package io.dittofs.gateway.smb.wire;

/** SMB2 QUERY_DIRECTORY request (MS-SMB2 2.2.33). */
public record QueryDirectoryRequest(int infoClass, int flags, long fileIndex, FileId fileId, String pattern,
                                    long outputBufferLength) {

    public static final int RESTART_SCANS = 0x01;
    public static final int RETURN_SINGLE_ENTRY = 0x02;
    public static final int INDEX_SPECIFIED = 0x04;
    public static final int REOPEN = 0x10;
    public static final int MAX_PATTERN_BYTES = 1024;

    public static QueryDirectoryRequest decode(SmbReader r) throws WireException {
        if (r.u16() != 33) {
            throw new WireException("QUERY_DIRECTORY StructureSize is not 33");
        }
        int cls = r.u8();
        int flags = r.u8();
        long index = r.u32();
        FileId id = FileId.decode(r);
        int off = r.u16();
        int len = r.u16();
        long out = r.u32();
        if (len > MAX_PATTERN_BYTES) {
            throw new WireException("QUERY_DIRECTORY pattern of " + len + " bytes");
        }
        return new QueryDirectoryRequest(cls, flags, index, id, SmbReader.utf16(r.slice(0, off, len)), out);
    }

    public void encode(SmbWriter w) {
        byte[] p = SmbWriter.utf16(pattern);
        w.u16(33).u8(infoClass).u8(flags).i32((int) fileIndex);
        fileId.encode(w);
        w.u16(p.length == 0 ? 0 : Smb2Header.SIZE + 32).u16(p.length).i32((int) outputBufferLength).bytes(p);
        if (p.length == 0) {
            w.u8(0);
        }
    }
}
