package io.dittofs.gateway.smb.wire;

/** SMB2 TREE_CONNECT request body (MS-SMB2 2.2.9): the UNC path {@code \\server\share}; 3.1.1 extensions are skipped. */
public record TreeConnectRequest(int flags, String path) {

    public static final int STRUCTURE_SIZE = 9;
    public static final int MAX_PATH_BYTES = 1024;

    public static TreeConnectRequest decode(SmbReader r) throws WireException {
        if (r.u16() != STRUCTURE_SIZE) {
            throw new WireException("TREE_CONNECT StructureSize is not 9");
        }
        int flags = r.u16();
        int off = r.u16();
        int len = r.u16();
        if (len > MAX_PATH_BYTES) {
            throw new WireException("TREE_CONNECT path of " + len + " bytes");
        }
        return new TreeConnectRequest(flags, SmbReader.utf16(r.slice(0, off, len)));
    }

    /** The share part of the path: what follows the last backslash. */
    public String shareName() {
        int at = path.lastIndexOf('\\');
        return at < 0 ? path : path.substring(at + 1);
    }

    /** A client's view, for tests: body after a 64-byte header already in {@code w}. */
    public void encode(SmbWriter w) {
        byte[] p = SmbWriter.utf16(path);
        w.u16(STRUCTURE_SIZE).u16(flags).u16(Smb2Header.SIZE + 8).u16(p.length).bytes(p);
    }
}
