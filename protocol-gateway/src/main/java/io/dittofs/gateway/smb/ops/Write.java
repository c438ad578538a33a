package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.model.AttrResult;
import io.dittofs.gateway.fs.model.OpenFile;
import io.dittofs.gateway.fs.model.Stability;
import io.dittofs.gateway.fs.model.WriteResult;
import io.dittofs.gateway.smb.SmbStatus;
import io.dittofs.gateway.smb.server.SmbCommandHandler;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.WriteRequest;
import io.dittofs.gateway.smb.wire.WireException;
import io.dittofs.gateway.smb.wire.WriteResponse;

/**
 * WRITE (MS-SMB2 3.3.5.13): through the open's facade handle after the mandatory lock check;
 * unstable unless the request or the open asks write-through (FLUSH makes it durable).
 */
final class Write implements SmbCommandHandler {

    /** NTFS's largest file (MS-FSA: 0xFFFFFFF0000): writes past it are invalid. */
    static final long MAX_FILE_SIZE = 0xfffffff0000L;

    private final FileCommands files;

    Write(FileCommands files) {
        this.files = files;
    }

    @Override
    public SmbResult handle(SmbRequest req) throws WireException {
        WriteRequest w = WriteRequest.decode(req.body(), files.service.settings.maxIoBytes());
        SmbOpen o = files.opens.find(req, w.fileId());
        if (o == null) {
            return SmbResult.fail(NtStatus.FILE_CLOSED);
        }
        if (o.directory()) {
            return SmbResult.fail(NtStatus.INVALID_DEVICE_REQUEST);
        }
        long offset = w.offset();
        if (offset == WriteRequest.APPEND && o.granted(AccessMask.APPEND_DATA) && !o.granted(AccessMask.WRITE_DATA)) {
            // all ones appends only for an open that may append but not write (MS-SMB2 3.3.5.13)
            if (o.stream() != null) {
                Streams.Found f = Streams.find(files.fs, o.principal(), o.handle(), o.stream());
                if (!f.exists()) {
                    return SmbResult.fail(SmbStatus.of(f.status()));
                }
                offset = f.value().length;
            } else {
                AttrResult a = files.fs.getAttr(o.principal(), o.handle());
                if (!a.status().ok()) {
                    return SmbResult.fail(SmbStatus.of(a.status()));
                }
                offset = a.attr().size();
            }
        } else if (!o.granted(AccessMask.WRITE_DATA | AccessMask.APPEND_DATA)) {
            return SmbResult.fail(NtStatus.ACCESS_DENIED);
        }
        if (offset < 0 || offset + w.length() < 0 || (w.length() > 0 && offset + w.length() > MAX_FILE_SIZE)) {
            return SmbResult.fail(NtStatus.INVALID_PARAMETER);
        }
        int conflict = Read.checkIo(files, o, offset, w.length(), true);
        if (conflict == NtStatus.SUCCESS) {
            files.service.oplocks.dataChanged(o);
        }
        if (conflict != NtStatus.SUCCESS) {
            return SmbResult.fail(conflict);
        }
        if (o.stream() != null) {
            return writeStream(o, offset, w);
        }
        OpenFile io = o.io();
        if (io == null) {
            return SmbResult.fail(NtStatus.FILE_CLOSED);
        }
        if (w.length() == 0) {
            return new SmbResult.Done(NtStatus.SUCCESS, new WriteResponse(0)::encode, o.id());
        }
        boolean through = o.writeThrough() || (w.flags() & WriteRequest.WRITE_THROUGH) != 0;
        WriteResult r = files.fs.write(io, offset, w.buffer(), through ? Stability.FILE_SYNC : Stability.UNSTABLE);
        o.stale();
        if (!r.status().ok()) {
            return SmbResult.fail(SmbStatus.of(r.status()));
        }
        o.position(offset + r.count());
        return new SmbResult.Done(NtStatus.SUCCESS, new WriteResponse((int) r.count())::encode, o.id());
    }

    /**
     * WRITE to a named stream: a read-modify-write of its xattr value. Past the value limit
     * ({@link Streams#MAX_SIZE}) the stream cannot grow: DISK_FULL, what NTFS answers when a
     * stream cannot be extended.
     */
    private SmbResult writeStream(SmbOpen o, long offset, WriteRequest w) {
        java.nio.ByteBuffer b = w.buffer().duplicate();
        byte[] data = new byte[b.remaining()];
        b.get(data);
        if (data.length == 0) {
            return new SmbResult.Done(NtStatus.SUCCESS, new WriteResponse(0)::encode, o.id());
        }
        io.dittofs.gateway.fs.model.FsStatus st = Streams.write(files.fs, o.principal(), o.handle(), o.stream(), offset, data);
        if (!st.ok()) {
            return SmbResult.fail(SmbStatus.of(st));
        }
        o.position(offset + data.length);
        return new SmbResult.Done(NtStatus.SUCCESS, new WriteResponse(data.length)::encode, o.id());
    }
}
