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

    public static boolean plausible(FileHandle handle) {
        int n = handle.getValue().size();
        return n > 0 && n <= MAX_BYTES;
    }
}
