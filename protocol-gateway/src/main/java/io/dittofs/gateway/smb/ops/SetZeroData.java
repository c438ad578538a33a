package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.model.OpenFile;
import io.dittofs.gateway.fs.model.WriteResult;
import io.dittofs.gateway.smb.SmbStatus;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.WireException;

/**
 * FSCTL_SET_ZERO_DATA (MS-FSCC 2.3.67, MS-FSA 2.1.5.9.38): [FileOffset, BeyondFinalZero) reads as
 * zeros afterwards; the file never grows (the part past end of file is ignored). The range is
 * punched in the block service (whole blocks freed, the rest zeroed; a block left with nothing
 * but zeros is freed too), sparse or not: how zeroing is done is the file system's choice
 * (MS-FSCC 2.3.67), and a file that is not sparse is still reported fully allocated
 * ({@link QueryAllocatedRanges}). Byte-range locks of other owners over the range refuse it as a
 * WRITE would.
 */
final class SetZeroData implements FileFsctl {

    static final int CODE = 0x000980C8;

    private final FileCommands files;

    SetZeroData(FileCommands files) {
        this.files = files;
    }

    @Override
    public SmbResult handle(SmbRequest req, IoctlRequest io, SmbOpen o) throws WireException {
        RangeInput in = RangeInput.check(io, o, RangeInput.OFFSET_BEYOND, AccessMask.WRITE_DATA);
        if (!in.ok()) {
            return SmbResult.fail(in.status());
        }
        long offset = in.range().first();
        long beyond = in.range().second();
        int conflict = Read.checkIo(files, o, offset, beyond - offset, true);
        if (conflict != NtStatus.SUCCESS) {
            return SmbResult.fail(conflict);
        }
        // current size: the punch is cut at it (the file never grows)
        OpenFile f = Read.current(files, o, Long.MAX_VALUE);
        if (f == null) {
            return SmbResult.fail(NtStatus.FILE_CLOSED);
        }
        WriteResult w = files.fs.deallocate(f, offset, beyond - offset);
        o.stale();
        if (!w.status().ok()) {
            return SmbResult.fail(SmbStatus.of(w.status()));
        }
        return new SmbResult.Done(NtStatus.SUCCESS, IoctlRequest.response(CODE, o.id(), new byte[0]), o.id());
    }
}
