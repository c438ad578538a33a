package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.model.AttrResult;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.smb.SmbStatus;
import io.dittofs.gateway.smb.ops.info.DirectoryEntries;
import io.dittofs.gateway.smb.server.SmbCommandHandler;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.InfoResponse;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.QueryDirectoryRequest;
import io.dittofs.gateway.smb.wire.SmbWriter;
import io.dittofs.gateway.smb.wire.WireException;

/**
 * QUERY_DIRECTORY (MS-SMB2 3.3.5.18): enumerates a directory open with the pattern of the first
 * (or a restarting) query, as many entries as fit the client's buffer (or one), resuming where the
 * last query stopped. NO_SUCH_FILE when nothing ever matched, NO_MORE_FILES at the end.
 */
final class QueryDirectory implements SmbCommandHandler {

    private final FileCommands files;

    QueryDirectory(FileCommands files) {
        this.files = files;
    }

    @Override
    public SmbResult handle(SmbRequest req) throws WireException {
        QueryDirectoryRequest q = QueryDirectoryRequest.decode(req.body());
        SmbOpen o = files.opens.find(req, q.fileId());
        if (o == null) {
            return SmbResult.fail(NtStatus.FILE_CLOSED);
        }
        if (!o.directory()) {
            return SmbResult.fail(NtStatus.INVALID_PARAMETER);
        }
        if (!DirectoryEntries.known(q.infoClass())) {
            return SmbResult.fail(NtStatus.INVALID_INFO_CLASS);
        }
        if (q.outputBufferLength() > files.service.settings.maxIoBytes()) {
            return SmbResult.fail(NtStatus.INVALID_PARAMETER);
        }
        if (!o.granted(AccessMask.READ_DATA)) {
            return SmbResult.fail(NtStatus.ACCESS_DENIED);
        }
        int limit = (int) q.outputBufferLength();
        synchronized (o) {
            DirectoryScan scan = o.scan();
            boolean restart = (q.flags() & (QueryDirectoryRequest.RESTART_SCANS | QueryDirectoryRequest.REOPEN)) != 0;
            if (scan == null || restart) {
                if (Paths.syntaxOfPattern(q.pattern()) != NtStatus.SUCCESS) {
                    return SmbResult.fail(NtStatus.OBJECT_NAME_INVALID);
                }
                scan = new DirectoryScan(q.pattern());
                o.scan(scan);
            }
            AttrResult dir = files.fs.getAttr(o.principal(), o.handle());
            if (!dir.status().ok()) {
                return SmbResult.fail(SmbStatus.of(dir.status()));
            }
            SmbWriter w = new SmbWriter(Math.min(limit, 65536));
            int lastStart = -1;
            boolean single = (q.flags() & QueryDirectoryRequest.RETURN_SINGLE_ENTRY) != 0;
            FsStatus[] failure = new FsStatus[1];
            boolean tooSmall = false;
            while (true) {
                DirectoryScan.Item item = scan.next(files.fs, o.principal(), o.handle(), dir.attr(), failure);
                if (item == null) {
                    break;
                }
                byte[] entry = DirectoryEntries.encode(q.infoClass(), item.name(), files.service.times.basics(item.attr()));
                int start = (w.position() + 7) & ~7;
                if (start + entry.length > limit) {
                    scan.pushBack(item);
                    tooSmall = lastStart < 0;
                    break;
                }
                w.align(8);
                if (lastStart >= 0) {
                    w.setI32(lastStart, start - lastStart);
                }
                lastStart = w.position();
                w.bytes(entry);
                scan.returned();
                if (single) {
                    break;
                }
            }
            if (lastStart < 0) {
                if (failure[0] != null) {
                    return SmbResult.fail(SmbStatus.of(failure[0]));
                }
                if (tooSmall) {
                    return SmbResult.fail(NtStatus.INFO_LENGTH_MISMATCH);
                }
                return SmbResult.fail(scan.returnedAny() ? NtStatus.NO_MORE_FILES : NtStatus.NO_SUCH_FILE);
            }
            InfoResponse resp = new InfoResponse(w.toByteArray());
            return new SmbResult.Done(NtStatus.SUCCESS, resp::encode, o.id());
        }
    }
}
