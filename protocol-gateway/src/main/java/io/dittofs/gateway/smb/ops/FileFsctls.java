package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.model.AttrResult;
import io.dittofs.gateway.smb.SmbStatus;
import io.dittofs.gateway.smb.server.SmbCommandHandler;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.SmbWriter;
import io.dittofs.gateway.smb.wire.WireException;

/**
 * The file-system FSCTLs on disk trees that {@link Ioctl} hands to the file commands: object ids
 * (FSCTL_CREATE_OR_GET_OBJECT_ID, FSCTL_GET_OBJECT_ID: MS-FSCC 2.3.7, 2.3.31), made from the share's
 * fsid and the file id, so stable for the file's life. Every other code is NOT_SUPPORTED.
 */
final class FileFsctls implements SmbCommandHandler {

    static final int GET_OBJECT_ID = 0x0009009C;
    static final int CREATE_OR_GET_OBJECT_ID = 0x000900C0;
    /** FILE_OBJECTID_BUFFER: object id, birth volume id, birth object id, domain id. */
    private static final int OBJECT_ID_BUFFER = 64;

    private final FileCommands files;

    FileFsctls(FileCommands files) {
        this.files = files;
    }

    @Override
    public SmbResult handle(SmbRequest req) throws WireException {
        IoctlRequest io = IoctlRequest.decode(req.body());
        SmbOpen o = files.opens.find(req, io.fileId());
        if (o == null) {
            return SmbResult.fail(NtStatus.FILE_CLOSED);
        }
        if (io.ctlCode() != GET_OBJECT_ID && io.ctlCode() != CREATE_OR_GET_OBJECT_ID) {
            return SmbResult.fail(NtStatus.NOT_SUPPORTED);
        }
        if (io.maxOutputResponse() < OBJECT_ID_BUFFER) {
            return SmbResult.fail(NtStatus.BUFFER_TOO_SMALL);
        }
        AttrResult a = files.fs.getAttr(o.principal(), o.handle());
        if (!a.status().ok()) {
            return SmbResult.fail(SmbStatus.of(a.status()));
        }
        SmbWriter w = new SmbWriter(OBJECT_ID_BUFFER);
        w.i64(a.attr().fsid()).i64(a.attr().fileid()).i64(a.attr().fsid()).i64(0)
                .i64(a.attr().fsid()).i64(a.attr().fileid()).zeros(16);
        return new SmbResult.Done(NtStatus.SUCCESS, IoctlRequest.response(io.ctlCode(), o.id(), w.toByteArray()), o.id());
    }
}
