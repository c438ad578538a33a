package io.dittofs.contracts;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.FileHandle;

/** Limits and helpers for the opaque {@link FileHandle}. */
public final class FileHandles {

    /** NFSv3's limit (RFC 1813 NFS3_FHSIZE); every handle DittoFS issues fits in it. */
    public static final int MAX_BYTES = 64;

    private FileHandles() {
    }

    /** Wraps wire bytes; refuses what no DittoFS handle can be (callers map this to BADHANDLE). */
    public static FileHandle of(byte[] bytes) {
        if (bytes == null || bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("file handle must be 1.." + MAX_BYTES + " bytes, got "
                    + (bytes == null ? "null" : bytes.length));
        }
        return FileHandle.newBuilder().setValue(ByteString.copyFrom(bytes)).build();
    }

    /** Layout version carried in byte 0 of every handle. */
    public static final int LAYOUT_VERSION = 1;
    /** Bytes before the metadata-service's opaque part: version + share id. */
    public static final int HEADER_BYTES = 5;

    /**
     * The share id in bytes 1..4, or -1 when the handle is too short or of an unknown layout
     * (callers answer BADHANDLE). Cheap: no allocation, no service call.
     */
    public static long shareId(FileHandle handle) {
        var v = handle.getValue();
        if (v.size() < HEADER_BYTES || v.size() > MAX_BYTES || (v.byteAt(0) & 0xff) != LAYOUT_VERSION) {
            return -1;
        }
        return ((v.byteAt(1) & 0xffL) << 24) | ((v.byteAt(2) & 0xffL) << 16) | ((v.byteAt(3) & 0xffL) << 8) | (v.byteAt(4) & 0xffL);
    }

    public static boolean plausible(FileHandle handle) {
        int n = handle.getValue().size();
        return n > 0 && n <= MAX_BYTES;
    }
}
