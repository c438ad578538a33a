package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.OpenFile;
import io.dittofs.gateway.fs.model.ReadResult;
import io.dittofs.gateway.fs.model.Stability;
import io.dittofs.gateway.fs.model.WriteResult;
import io.dittofs.gateway.smb.SmbStatus;
import io.dittofs.gateway.smb.ops.fsctl.CopyChunkRequest;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.WireException;
import java.nio.ByteBuffer;

/**
 * FSCTL_SRV_COPYCHUNK and FSCTL_SRV_COPYCHUNK_WRITE (MS-SMB2 3.3.5.15.6): server-side copy from
 * the open a resume key names into the open the IOCTL names. The bytes move between the block
 * service and the gateway only (read from the source, written to the target through the facade,
 * chunk by chunk), never through the client; byte-range locks apply as to READ and WRITE.
 * Limits (MS-SMB2 3.3.3, Windows' values): 256 chunks, 1 MiB a chunk, 16 MiB a request; a request
 * over them fails INVALID_PARAMETER with the limits in the response. A failing chunk stops the
 * copy; the response then counts the chunks written before it.
 */
final class CopyChunk implements FileFsctl {

    static final int CODE = 0x001440F2;
    static final int CODE_WRITE = 0x001480F2;
    static final int MAX_CHUNKS = 256;
    static final int MAX_CHUNK_BYTES = 1 << 20;
    static final int MAX_TOTAL_BYTES = 16 << 20;
    static final int OUTPUT = 12;

    private final FileCommands files;

    CopyChunk(FileCommands files) {
        this.files = files;
    }

    @Override
    public SmbResult handle(SmbRequest req, IoctlRequest io, SmbOpen target) throws WireException {
        int code = io.ctlCode();
        if (io.maxOutputResponse() < OUTPUT || io.input().length < 32) {
            return SmbResult.fail(NtStatus.INVALID_PARAMETER);
        }
        CopyChunkRequest cc = CopyChunkRequest.decode(io.input(), MAX_CHUNKS);
        if (overLimits(cc)) {
            return answer(NtStatus.INVALID_PARAMETER, code, target,
                    CopyChunkRequest.response(MAX_CHUNKS, MAX_CHUNK_BYTES, MAX_TOTAL_BYTES));
        }
        // COPYCHUNK reads the target too (Windows checks it); COPYCHUNK_WRITE needs write only
        boolean readable = code == CODE_WRITE || target.granted(AccessMask.READ_DATA);
        if (target.directory() || !readable || !target.granted(AccessMask.WRITE_DATA)) {
            return SmbResult.fail(NtStatus.ACCESS_DENIED);
        }
        SmbOpen source = files.service.resumeKeys.find(cc.sourceKey());
        if (source == null) {
            return SmbResult.fail(NtStatus.OBJECT_NAME_NOT_FOUND);
        }
        // the source is read as READ reads: FILE_READ_DATA or FILE_EXECUTE will do
        if (source.directory() || !source.granted(AccessMask.READ_DATA | AccessMask.EXECUTE)) {
            return SmbResult.fail(NtStatus.ACCESS_DENIED);
        }
        long chunks = 0;
        long total = 0;
        for (CopyChunkRequest.Chunk c : cc.chunks()) {
            int status = copy(source, target, c);
            if (status != NtStatus.SUCCESS) {
                return answer(status, code, target, CopyChunkRequest.response(chunks, 0, total));
            }
            chunks++;
            total += c.length();
        }
        return answer(NtStatus.SUCCESS, code, target, CopyChunkRequest.response(chunks, 0, total));
    }

    private static boolean overLimits(CopyChunkRequest cc) {
        if (cc.overLimit() || cc.chunks().isEmpty()) {
            return true;
        }
        long total = 0;
        for (CopyChunkRequest.Chunk c : cc.chunks()) {
            if (c.length() == 0 || c.length() > MAX_CHUNK_BYTES) {
                return true;
            }
            total += c.length();
        }
        return total > MAX_TOTAL_BYTES;
    }

    /** One chunk: read it whole (source and target may overlap), then write it. */
    private int copy(SmbOpen source, SmbOpen target, CopyChunkRequest.Chunk c) {
        int length = (int) c.length();
        long srcEnd = c.sourceOffset() + length;
        long dstEnd = c.targetOffset() + length;
        if (c.sourceOffset() < 0 || c.targetOffset() < 0 || srcEnd < 0 || dstEnd > Write.MAX_FILE_SIZE) {
            return NtStatus.INVALID_PARAMETER;
        }
        int conflict = Read.checkIo(files, source, c.sourceOffset(), length, false);
        if (conflict != NtStatus.SUCCESS) {
            return conflict;
        }
        conflict = Read.checkIo(files, target, c.targetOffset(), length, true);
        files.service.oplocks.dataChanged(target);
        if (conflict != NtStatus.SUCCESS) {
            return conflict;
        }
        ByteBuffer data;
        if (source.stream() != null) {
            // a named stream's data is its xattr value (Streams)
            Streams.Found f = Streams.find(files.fs, source.principal(), source.handle(), source.stream());
            if (!f.exists()) {
                return SmbStatus.of(f.status());
            }
            if (srcEnd > f.value().length) {
                return NtStatus.INVALID_VIEW_SIZE;
            }
            data = ByteBuffer.wrap(f.value(), (int) c.sourceOffset(), length).slice();
        } else {
            OpenFile from = Read.current(files, source, srcEnd);
            if (from == null) {
                return NtStatus.FILE_CLOSED;
            }
            FileAttr a = from.attr();
            if (srcEnd > a.size()) {
                // the chunk reaches past the source's end (MS-SMB2 3.3.5.15.6)
                return NtStatus.INVALID_VIEW_SIZE;
            }
            ReadResult r = files.fs.read(from, c.sourceOffset(), length);
            if (!r.status().ok()) {
                return SmbStatus.of(r.status());
            }
            data = r.data();
            if (data.remaining() < length) {
                // content not yet stored below the size reads as zeros
                ByteBuffer full = ByteBuffer.allocate(length);
                full.put(data).position(0);
                data = full;
            }
        }
        if (target.stream() != null) {
            byte[] bytes = new byte[length];
            data.duplicate().get(bytes);
            FsStatus st = Streams.write(files.fs, target.principal(), target.handle(), target.stream(),
                    c.targetOffset(), bytes);
            return st.ok() ? NtStatus.SUCCESS : SmbStatus.of(st);
        }
        OpenFile to = target.io();
        if (to == null) {
            return NtStatus.FILE_CLOSED;
        }
        WriteResult w = files.fs.write(to, c.targetOffset(), data,
                target.writeThrough() ? Stability.FILE_SYNC : Stability.UNSTABLE);
        target.stale();
        if (!w.status().ok()) {
            return SmbStatus.of(w.status());
        }
        return w.count() == length ? NtStatus.SUCCESS : NtStatus.DISK_FULL;
    }

    private static SmbResult answer(int status, int code, SmbOpen target, byte[] out) {
        return new SmbResult.Done(status, IoctlRequest.response(code, target.id(), out), target.id());
    }
}
