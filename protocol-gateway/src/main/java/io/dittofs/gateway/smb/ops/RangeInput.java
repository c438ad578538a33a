package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.smb.ops.fsctl.FileRange;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.WireException;

/**
 * The checks FSCTL_QUERY_ALLOCATED_RANGES and FSCTL_SET_ZERO_DATA share, in the order Windows
 * applies them (MS-FSA 2.1.5.9.22 and 2.1.5.9.38; smbtorture's sparse_qar_malformed,
 * sparse_punch_invalid and sparse_perms tell them apart): the 16-byte input, its two values, a
 * directory, then the open's access. Only the check of the two values differs.
 *
 * @param status SUCCESS, or the status to fail with ({@code range} is then null)
 */
record RangeInput(FileRange range, int status) {

    /** How the two values of the input must relate. */
    interface Valid {
        boolean test(long first, long second);
    }

    /** QUERY_ALLOCATED_RANGES: offset and length not negative, their sum not overflowing. */
    static final Valid OFFSET_LENGTH = (offset, length) -> offset >= 0 && length >= 0 && offset + length >= 0;

    /** SET_ZERO_DATA: offset and beyond-final-zero not negative, the second not before the first. */
    static final Valid OFFSET_BEYOND = (offset, beyond) -> offset >= 0 && beyond >= offset;

    boolean ok() {
        return status == NtStatus.SUCCESS;
    }

    static RangeInput check(IoctlRequest io, SmbOpen o, Valid valid, int access) throws WireException {
        byte[] in = io.input();
        if (in.length < FileRange.BYTES) {
            return fail(NtStatus.INVALID_PARAMETER);
        }
        FileRange r = FileRange.decode(in);
        if (!valid.test(r.first(), r.second()) || o.directory()) {
            return fail(NtStatus.INVALID_PARAMETER);
        }
        if (!o.granted(access)) {
            return fail(NtStatus.ACCESS_DENIED);
        }
        return new RangeInput(r, NtStatus.SUCCESS);
    }

    private static RangeInput fail(int status) {
        return new RangeInput(null, status);
    }
}
