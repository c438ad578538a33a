package io.dittofs.gateway.smb.ops.fsctl;

import io.dittofs.gateway.smb.wire.FileId;
import io.dittofs.gateway.smb.wire.SmbReader;
import io.dittofs.gateway.smb.wire.WireException;

/**
 * DUPLICATE_EXTENTS_DATA over SMB2 (MS-FSCC 2.3.7.2, SMB2_DUPLICATE_EXTENTS_DATA): the source
 * open's FileId, the source and target offsets and the byte count, all signed 64-bit. Fixed
 * size; bytes after the 40 are ignored.
 */
public record DuplicateExtentsRequest(FileId source, long sourceOffset, long targetOffset, long byteCount) {

    public static final int BYTES = 40;

    public static DuplicateExtentsRequest decode(byte[] input) throws WireException {
        SmbReader r = SmbReader.of(input);
        FileId source = FileId.decode(r);
        return new DuplicateExtentsRequest(source, r.i64(), r.i64(), r.i64());
    }
}
