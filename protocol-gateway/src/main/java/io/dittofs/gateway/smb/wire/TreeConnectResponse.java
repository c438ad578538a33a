package io.dittofs.gateway.smb.wire;

/** SMB2 TREE_CONNECT response body (MS-SMB2 2.2.10). */
public record TreeConnectResponse(int shareType, int shareFlags, int capabilities, int maximalAccess) {

    public static final int STRUCTURE_SIZE = 16;
    public static final int TYPE_DISK = 0x01;
    public static final int TYPE_PIPE = 0x02;
    public static final int SHAREFLAG_ENCRYPT_DATA = 0x00008000;
    /** FILE_ALL_ACCESS and FILE_GENERIC_READ | FILE_GENERIC_EXECUTE (MS-SMB2 2.2.13.1). */
    public static final int ACCESS_ALL = 0x001F01FF;
    public static final int ACCESS_READ = 0x001200A9;

    public void encode(SmbWriter w) {
        w.u16(STRUCTURE_SIZE).u8(shareType).u8(0).i32(shareFlags).i32(capabilities).i32(maximalAccess);
    }

    public static TreeConnectResponse decode(SmbReader r) throws WireException {
        if (r.u16() != STRUCTURE_SIZE) {
            throw new WireException("TREE_CONNECT response StructureSize is not 16");
        }
        int type = r.u8();
        r.skip(1);
        return new TreeConnectResponse(type, r.i32(), r.i32(), r.i32());
    }
}
