package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.OpenFile;
import io.dittofs.gateway.fs.model.OpenResult;
import io.dittofs.gateway.fs.model.ReadResult;
import io.dittofs.gateway.locks.ClientRef;
import io.dittofs.gateway.locks.LockStatus;
import io.dittofs.gateway.locks.LockTarget;
import io.dittofs.gateway.smb.SmbStatus;
import io.dittofs.gateway.smb.server.SmbCommandHandler;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.ReadRequest;
import io.dittofs.gateway.smb.wire.ReadResponse;
import io.dittofs.gateway.smb.wire.WireException;

/**
 * READ (MS-SMB2 3.3.5.12): through the open's facade handle, after the lock-service's mandatory
 * lock check (FILE_LOCK_CONFLICT over another owner's exclusive lock, NLM and NFSv4 locks too).
 */
final class Read implements SmbCommandHandler {

    private final FileCommands files;

    Read(FileCommands files) {
        this.files = files;
    }

    @Override
    public SmbResult handle(SmbRequest req) throws WireException {
        ReadRequest r = ReadRequest.decode(req.body());
        SmbOpen o = files.opens.find(req, r.fileId());
        if (o == null) {
            return SmbResult.fail(NtStatus.FILE_CLOSED);
        }
        if (o.directory()) {
            return SmbResult.fail(NtStatus.INVALID_DEVICE_REQUEST);
        }
        if (!o.granted(AccessMask.READ_DATA | AccessMask.EXECUTE)) {
            return SmbResult.fail(NtStatus.ACCESS_DENIED);
        }
        // offsets are signed 64-bit on disk: beyond them the request is invalid (MS-FSA 2.1.5.3)
        if (r.length() > files.service.settings.maxIoBytes() || r.offset() < 0 || r.offset() + r.length() < 0) {
            return SmbResult.fail(NtStatus.INVALID_PARAMETER);
        }
        int length = (int) r.length();
        int conflict = checkIo(files, o, r.offset(), length, false);
        if (conflict != NtStatus.SUCCESS) {
            return SmbResult.fail(conflict);
        }
        if (o.stream() != null) {
            return readStream(o, r.offset(), length, r.minimumCount());
        }
        OpenFile io = current(files, o, r.offset() + length);
        if (io == null) {
            return SmbResult.fail(NtStatus.FILE_CLOSED);
        }
        FileAttr a = io.attr();
        if (length > 0 && r.offset() >= a.size()) {
            return SmbResult.fail(NtStatus.END_OF_FILE);
        }
        ReadResult rr = files.fs.read(io, r.offset(), length);
        if (!rr.status().ok()) {
            return SmbResult.fail(SmbStatus.of(rr.status()));
        }
        if (rr.data().remaining() < r.minimumCount()) {
            return SmbResult.fail(NtStatus.END_OF_FILE);
        }
        o.position(r.offset() + rr.data().remaining());
        ReadResponse resp = new ReadResponse(rr.data());
        return new SmbResult.Done(NtStatus.SUCCESS, resp::encode, o.id());
    }

    /** READ of a named stream: a slice of its xattr value, with the file's EOF rules. */
    private SmbResult readStream(SmbOpen o, long offset, int length, long minimumCount) {
        Streams.Found f = Streams.find(files.fs, o.principal(), o.handle(), o.stream());
        if (!f.exists()) {
            return SmbResult.fail(SmbStatus.of(f.status()));
        }
        byte[] v = f.value();
        if (length > 0 && offset >= v.length) {
            return SmbResult.fail(NtStatus.END_OF_FILE);
        }
        int n = offset >= v.length ? 0 : (int) Math.min(length, v.length - offset);
        if (n < minimumCount) {
            return SmbResult.fail(NtStatus.END_OF_FILE);
        }
        java.nio.ByteBuffer data = n == 0 ? java.nio.ByteBuffer.allocate(0) : java.nio.ByteBuffer.wrap(v, (int) offset, n).slice();
        o.position(offset + n);
        ReadResponse resp = new ReadResponse(data);
        return new SmbResult.Done(NtStatus.SUCCESS, resp::encode, o.id());
    }

    /**
     * The open's facade handle, re-opened when it may be behind: written through since, never
     * written when opened, or asked beyond the size it knew (another client may have grown the file).
     */
    static OpenFile current(FileCommands files, SmbOpen o, long end) {
        OpenFile io = o.io();
        if (io == null) {
            return null;
        }
        if (o.ioStale() || io.content() == null || end > io.attr().size()) {
            OpenResult fresh = files.fs.open(io.principal(), io.handle(), io.granted());
            if (!fresh.status().ok()) {
                return fresh.status() == FsStatus.STALE ? null : io;
            }
            o.io(fresh.file());
            io = fresh.file();
        }
        return io;
    }

    /** SUCCESS, or FILE_LOCK_CONFLICT when another owner's byte-range lock covers the range. */
    static int checkIo(FileCommands files, SmbOpen o, long offset, long length, boolean write) {
        ClientRef c = files.clientOf(o);
        if (c == null || length == 0) {
            return NtStatus.SUCCESS;
        }
        LockStatus s = files.locks.checkIo(new LockTarget(o.fileKey(), c, o.owner(), offset, length), write);
        return s == LockStatus.OK ? NtStatus.SUCCESS : SmbStatus.ofLock(s);
    }
}
