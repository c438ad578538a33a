package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.model.CommitResult;
import io.dittofs.gateway.fs.model.OpenFile;
import io.dittofs.gateway.smb.SmbStatus;
import io.dittofs.gateway.smb.server.SmbCommandHandler;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.FlushRequest;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.WireException;

/** FLUSH (MS-SMB2 3.3.5.11): makes what was written through any open of the file durable (the facade's COMMIT). */
final class Flush implements SmbCommandHandler {

    private final FileCommands files;

    Flush(FileCommands files) {
        this.files = files;
    }

    @Override
    public SmbResult handle(SmbRequest req) throws WireException {
        FlushRequest f = FlushRequest.decode(req.body());
        SmbOpen o = files.opens.find(req, f.fileId());
        if (o == null) {
            return SmbResult.fail(NtStatus.FILE_CLOSED);
        }
        if (o.directory()) {
            // nothing is buffered for a directory (Windows answers SUCCESS when the open may write)
            return new SmbResult.Done(NtStatus.SUCCESS, FlushRequest::encodeResponse, o.id());
        }
        if (!o.granted(AccessMask.WRITE_DATA | AccessMask.APPEND_DATA)) {
            return SmbResult.fail(NtStatus.ACCESS_DENIED);
        }
        OpenFile io = Read.current(files, o, 0);
        if (io == null) {
            return SmbResult.fail(NtStatus.FILE_CLOSED);
        }
        CommitResult c = files.fs.commit(io, 0, 0);
        if (!c.status().ok()) {
            return SmbResult.fail(SmbStatus.of(c.status()));
        }
        return new SmbResult.Done(NtStatus.SUCCESS, FlushRequest::encodeResponse, o.id());
    }

}
