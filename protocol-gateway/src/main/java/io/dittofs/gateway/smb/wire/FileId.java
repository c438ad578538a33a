package io.dittofs.gateway.smb.wire;

/**
 * SMB2_FILEID (MS-SMB2 2.2.14.1): persistent and volatile halves. All ones in a related compound
 * request means "the file the previous CREATE of this chain opened" (MS-SMB2 3.3.5.2.7.2).
 */
public record FileId(long persistent, long volatile_) {

    public static final FileId RELATED = new FileId(-1L, -1L);

    public static FileId decode(SmbReader r) throws WireException {
        return new FileId(r.i64(), r.i64());
    }

    public void encode(SmbWriter w) {
        w.i64(persistent).i64(volatile_);
    }

    public boolean related() {
        return persistent == -1L && volatile_ == -1L;
    }
}
