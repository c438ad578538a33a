package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.model.OpenFile;
import io.dittofs.gateway.fs.model.Stability;
import io.dittofs.gateway.fs.model.WriteResult;
import io.dittofs.gateway.smb.SmbStatus;
import io.dittofs.gateway.smb.ops.fsctl.FileRange;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.WireException;
import java.nio.ByteBuffer;

/**
 * FSCTL_SET_ZERO_DATA (MS-FSCC 2.3.67, MS-FSA 2.1.5.9.38): [FileOffset, BeyondFinalZero) reads as
 * zeros afterwards; the file never grows (the part past end of file is ignored). The zeros are
 * written through the facade in 1 MiB pieces (the facade has no deallocate call yet, so no hole is
 * punched). Byte-range locks of other owners over the range refuse it as a WRITE would.
 */
final class SetZeroData implements FileFsctl {

    static final int CODE = 0x000980C8;
    static final int PIECE = 1 << 20;

    private final FileCommands files;

    SetZeroData(FileCommands files) {
        this.files = files;
    }

    @Override
    public SmbResult handle(SmbRequest req, IoctlRequest io, SmbOpen o) throws WireException {
        byte[] in = io.input();
        if (in.length < FileRange.BYTES) {
            return SmbResult.fail(NtStatus.INVALID_PARAMETER);
        }
        FileRange z = FileRange.decode(in);
        long offset = z.first();
        long beyond = z.second();
        if (offset < 0 || beyond < 0 || beyond < offset) {
            return SmbResult.fail(NtStatus.INVALID_PARAMETER);
        }
        if (o.directory()) {
            return SmbResult.fail(NtStatus.INVALID_PARAMETER);
        }
        if (!o.granted(AccessMask.WRITE_DATA)) {
            return SmbResult.fail(NtStatus.ACCESS_DENIED);
        }
        int conflict = Read.checkIo(files, o, offset, beyond - offset, true);
        if (conflict != NtStatus.SUCCESS) {
            return SmbResult.fail(conflict);
        }
        OpenFile f = Read.current(files, o, Long.MAX_VALUE);
        if (f == null) {
            return SmbResult.fail(NtStatus.FILE_CLOSED);
        }
        long end = Math.min(beyond, f.attr().size());
        ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(PIECE, Math.max(0, end - offset)));
        Stability stability = o.writeThrough() ? Stability.FILE_SYNC : Stability.UNSTABLE;
        for (long at = offset; at < end; at += PIECE) {
            int n = (int) Math.min(PIECE, end - at);
            WriteResult w = files.fs.write(f, at, zeros.duplicate().limit(n), stability);
            o.stale();
            if (!w.status().ok()) {
                return SmbResult.fail(SmbStatus.of(w.status()));
            }
        }
        return new SmbResult.Done(NtStatus.SUCCESS, IoctlRequest.response(CODE, o.id(), new byte[0]), o.id());
    }
}
