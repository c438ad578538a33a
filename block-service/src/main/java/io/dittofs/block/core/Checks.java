package io.dittofs.block.core;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;

/** Argument checks shared by every operation; failures are neutral statuses. */
final class Checks {

    private Checks() {
    }

    static void id(ByteString id) {
        if (id.isEmpty() || id.size() > 64) {
            throw new StatusException(Status.BADHANDLE, "payload id must have 1..64 bytes, got " + id.size());
        }
    }

    /** Offsets arrive as unsigned 64-bit values: anything at or above 2^63 is negative here. */
    static void range(long offset, long length, long max) {
        if (offset < 0 || length < 0 || offset > max || length > max - offset) {
            throw new StatusException(Status.FBIG, "range " + Long.toUnsignedString(offset) + "+" + Long.toUnsignedString(length)
                    + " beyond the largest supported size " + max);
        }
    }
}
