package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.model.AllocatedResult;
import io.dittofs.gateway.fs.model.Extent;
import io.dittofs.gateway.fs.model.OpenFile;
import io.dittofs.gateway.smb.SmbStatus;
import io.dittofs.gateway.smb.ops.fsctl.FileRange;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.FileBasics;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.WireException;
import java.util.ArrayList;
import java.util.List;

/**
 * FSCTL_QUERY_ALLOCATED_RANGES (MS-FSCC 2.3.41, MS-FSA 2.1.5.9.22). A file that is not sparse is
 * reported as one allocated range, the part of [0, size) inside the asked range, as MS-FSA
 * prescribes. A sparse file gets the ranges that may hold nonzero data, from the block service:
 * holes, punched ranges and stored runs of zeros are left out in 64 KiB pieces (the unit NTFS
 * deallocates in, which smbtorture's sparse_qar_ob1 expects).
 */
final class QueryAllocatedRanges implements FileFsctl {

    static final int CODE = 0x000940CF;
    /** Ranges asked of the block service at most; a larger output buffer is answered as if this full. */
    static final int MAX_RANGES = 65_536;

    private final FileCommands files;

    QueryAllocatedRanges(FileCommands files) {
        this.files = files;
    }

    @Override
    public SmbResult handle(SmbRequest req, IoctlRequest io, SmbOpen o) throws WireException {
        RangeInput in = RangeInput.check(io, o, RangeInput.OFFSET_LENGTH, AccessMask.READ_DATA);
        if (!in.ok()) {
            return SmbResult.fail(in.status());
        }
        long offset = in.range().first();
        // a fresh look: another open may have grown, cut, punched or (un)sparsed the file
        OpenFile f = Read.current(files, o, Long.MAX_VALUE);
        if (f == null) {
            return SmbResult.fail(NtStatus.FILE_CLOSED);
        }
        long end = Math.min(offset + in.range().second(), f.attr().size());
        int fits = io.maxOutputResponse() / FileRange.BYTES;
        List<FileRange> ranges = new ArrayList<>();
        if (offset < end) {
            if ((ExtraAttributes.kept(f.attr()) & FileBasics.ATTR_SPARSE_FILE) == 0) {
                ranges.add(new FileRange(offset, end - offset));
            } else {
                // one more than fits tells an overflow apart from an exact fit
                AllocatedResult a = files.fs.allocated(f, offset, end - offset, Math.min(fits, MAX_RANGES - 1) + 1);
                if (!a.status().ok()) {
                    return SmbResult.fail(SmbStatus.of(a.status()));
                }
                for (Extent e : a.ranges()) {
                    ranges.add(new FileRange(e.offset(), e.length()));
                }
            }
        }
        if (!ranges.isEmpty() && fits == 0) {
            return SmbResult.fail(NtStatus.BUFFER_TOO_SMALL);
        }
        byte[] out = FileRange.encode(ranges, io.maxOutputResponse());
        int status = out.length < ranges.size() * FileRange.BYTES ? NtStatus.BUFFER_OVERFLOW : NtStatus.SUCCESS;
        return new SmbResult.Done(status, IoctlRequest.response(CODE, o.id(), out), o.id());
    }
}
