package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.model.AttrResult;
import io.dittofs.gateway.smb.SmbStatus;
import io.dittofs.gateway.smb.ops.fsctl.FileRange;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.WireException;
import java.util.List;

/**
 * FSCTL_QUERY_ALLOCATED_RANGES (MS-FSCC 2.3.41, MS-FSA 2.1.5.9.22). The gateway's facade does not
 * tell holes from data yet (the block service can; the facade has no call for it), so the whole
 * file is reported as one allocated range: the part of [0, size) inside the asked range. That is
 * what MS-FSA prescribes for a file that is not sparse, and never claims data is absent.
 */
final class QueryAllocatedRanges implements FileFsctl {

    static final int CODE = 0x000940CF;

    private final FileCommands files;

    QueryAllocatedRanges(FileCommands files) {
        this.files = files;
    }

    @Override
    public SmbResult handle(SmbRequest req, IoctlRequest io, SmbOpen o) throws WireException {
        byte[] in = io.input();
        if (in.length < FileRange.BYTES) {
            return SmbResult.fail(NtStatus.INVALID_PARAMETER);
        }
        FileRange q = FileRange.decode(in);
        long offset = q.first();
        long length = q.second();
        if (offset < 0 || length < 0 || offset + length < 0) {
            return SmbResult.fail(NtStatus.INVALID_PARAMETER);
        }
        if (o.directory()) {
            return SmbResult.fail(NtStatus.INVALID_PARAMETER);
        }
        if (!o.granted(AccessMask.READ_DATA)) {
            return SmbResult.fail(NtStatus.ACCESS_DENIED);
        }
        AttrResult a = files.fs.getAttr(o.principal(), o.handle());
        if (!a.status().ok()) {
            return SmbResult.fail(SmbStatus.of(a.status()));
        }
        long end = Math.min(offset + length, a.attr().size());
        List<FileRange> ranges = offset < end ? List.of(new FileRange(offset, end - offset)) : List.of();
        if (!ranges.isEmpty() && io.maxOutputResponse() < FileRange.BYTES) {
            return SmbResult.fail(NtStatus.BUFFER_TOO_SMALL);
        }
        byte[] out = FileRange.encode(ranges, io.maxOutputResponse());
        int status = out.length < ranges.size() * FileRange.BYTES ? NtStatus.BUFFER_OVERFLOW : NtStatus.SUCCESS;
        return new SmbResult.Done(status, IoctlRequest.response(CODE, o.id(), out), o.id());
    }
}
