package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.model.OpenFile;
import io.dittofs.gateway.fs.model.WriteResult;
import io.dittofs.gateway.smb.SmbStatus;
import io.dittofs.gateway.smb.ops.fsctl.DuplicateExtentsRequest;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.FileBasics;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.WireException;

/**
 * FSCTL_DUPLICATE_EXTENTS_TO_FILE (MS-FSCC 2.3.7/2.3.8, MS-FSA 2.1.5.10.4): block cloning. The
 * target's range becomes the source's range by reference: the block service's Clone shares whole
 * blocks between the two content objects (no bytes copied) where both offsets are block-aligned
 * and copies only the unaligned ends inside the block service; nothing passes through the gateway.
 * Neither file grows: a source range past the source's end is NOT_SUPPORTED, a target range past
 * the target's end is cut there (what Windows Server 2016 does; smbtorture's
 * dup_extents_len_beyond_dest and _sparse_dest); overlapping ranges of one file and a sparse source
 * into a target that is not sparse are NOT_SUPPORTED (MS-FSCC 2.3.8). Byte-range
 * locks do not apply (Windows' ReFS clones under them; smbtorture's dup_extents_*_lock).
 */
final class DuplicateExtents implements FileFsctl {

    static final int CODE = 0x00098344;

    private final FileCommands files;

    DuplicateExtents(FileCommands files) {
        this.files = files;
    }

    @Override
    public SmbResult handle(SmbRequest req, IoctlRequest io, SmbOpen target) throws WireException {
        byte[] in = io.input();
        if (in.length < DuplicateExtentsRequest.BYTES) {
            return SmbResult.fail(NtStatus.BUFFER_TOO_SMALL);
        }
        DuplicateExtentsRequest d = DuplicateExtentsRequest.decode(in);
        SmbOpen source = files.opens.find(req, d.source());
        if (source == null) {
            return SmbResult.fail(NtStatus.INVALID_HANDLE);
        }
        long srcOff = d.sourceOffset();
        long dstOff = d.targetOffset();
        long count = d.byteCount();
        if (srcOff < 0 || dstOff < 0 || count < 0 || srcOff + count < 0 || dstOff + count < 0
                || source.directory() || target.directory()) {
            return SmbResult.fail(NtStatus.INVALID_PARAMETER);
        }
        if (!source.granted(AccessMask.READ_DATA) || !target.granted(AccessMask.WRITE_DATA)) {
            return SmbResult.fail(NtStatus.ACCESS_DENIED);
        }
        if (count == 0) {
            return done(target);
        }
        OpenFile from = Read.current(files, source, Long.MAX_VALUE);
        OpenFile to = Read.current(files, target, Long.MAX_VALUE);
        if (from == null || to == null) {
            return SmbResult.fail(NtStatus.FILE_CLOSED);
        }
        if (srcOff + count > from.attr().size()) {
            return SmbResult.fail(NtStatus.NOT_SUPPORTED);
        }
        // the target never grows: a range past its end is cut there (Windows Server 2016 does so)
        count = Math.min(count, Math.max(0, to.attr().size() - dstOff));
        if (count == 0) {
            return done(target);
        }
        boolean sameFile = from.handle().equals(to.handle());
        if (sameFile && srcOff < dstOff + count && dstOff < srcOff + count || sparse(from) && !sparse(to)) {
            return SmbResult.fail(NtStatus.NOT_SUPPORTED);
        }
        WriteResult w = files.fs.cloneRange(from, srcOff, to, dstOff, count);
        target.stale();
        if (!w.status().ok()) {
            return SmbResult.fail(SmbStatus.of(w.status()));
        }
        return done(target);
    }

    private static boolean sparse(OpenFile f) {
        return (ExtraAttributes.kept(f.attr()) & FileBasics.ATTR_SPARSE_FILE) != 0;
    }

    private static SmbResult done(SmbOpen target) {
        return new SmbResult.Done(NtStatus.SUCCESS, IoctlRequest.response(CODE, target.id(), new byte[0]), target.id());
    }
}
