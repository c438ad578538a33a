package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.model.AttrResult;
import io.dittofs.gateway.smb.SmbStatus;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.SmbWriter;

/**
 * FSCTL_CREATE_OR_GET_OBJECT_ID and FSCTL_GET_OBJECT_ID (MS-FSCC 2.3.7, 2.3.31): made from the
 * share's fsid and the file id, so stable for the file's life.
 */
final class ObjectIds implements FileFsctl {

    static final int GET_OBJECT_ID = 0x0009009C;
    static final int CREATE_OR_GET_OBJECT_ID = 0x000900C0;
    /** FILE_OBJECTID_BUFFER: object id, birth volume id, birth object id, domain id. */
    private static final int OBJECT_ID_BUFFER = 64;

    private final FileCommands files;

    ObjectIds(FileCommands files) {
        this.files = files;
    }

    @Override
    public SmbResult handle(SmbRequest req, IoctlRequest io, SmbOpen o) {
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
