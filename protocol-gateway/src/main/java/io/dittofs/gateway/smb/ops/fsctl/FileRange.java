package io.dittofs.gateway.smb.ops.fsctl;

import io.dittofs.gateway.smb.wire.SmbReader;
import io.dittofs.gateway.smb.wire.SmbWriter;
import io.dittofs.gateway.smb.wire.WireException;
import java.util.List;

/**
 * Two signed 64-bit values at the start of an FSCTL input: FILE_ALLOCATED_RANGE_BUFFER (offset,
 * length; MS-FSCC 2.3.41) and FILE_ZERO_DATA_INFORMATION (offset, beyond final zero; 2.3.67) share
 * the layout. Bytes after the 16 are ignored, as Windows does.
 */
public record FileRange(long first, long second) {

    public static final int BYTES = 16;

    public static FileRange decode(byte[] input) throws WireException {
        SmbReader r = SmbReader.of(input);
        return new FileRange(r.i64(), r.i64());
    }

    /** FILE_ALLOCATED_RANGE_BUFFER array output, as many whole entries as {@code maxBytes} holds. */
    public static byte[] encode(List<FileRange> ranges, int maxBytes) {
        int n = Math.min(ranges.size(), maxBytes / BYTES);
        SmbWriter w = new SmbWriter(n * BYTES);
        for (int i = 0; i < n; i++) {
            w.i64(ranges.get(i).first()).i64(ranges.get(i).second());
        }
        return w.toByteArray();
    }
}
