package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.model.AttrResult;
import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.smb.SmbStatus;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.NtStatus;

/**
 * FSCTL_SET_SPARSE (MS-FSCC 2.3.64, MS-FSA 2.1.5.9.36): sets or clears FILE_ATTRIBUTE_SPARSE_FILE.
 * No input means "set"; otherwise the first byte is the flag (longer inputs are accepted as
 * Windows does). Only files; the open must be able to write data or attributes.
 */
final class SetSparse implements FileFsctl {

    static final int CODE = 0x000900C4;

    private final FileCommands files;

    SetSparse(FileCommands files) {
        this.files = files;
    }

    @Override
    public SmbResult handle(SmbRequest req, IoctlRequest io, SmbOpen o) {
        if (o.directory()) {
            return SmbResult.fail(NtStatus.INVALID_PARAMETER);
        }
        if (!o.granted(AccessMask.WRITE_DATA | AccessMask.APPEND_DATA | AccessMask.WRITE_ATTRIBUTES)) {
            return SmbResult.fail(NtStatus.ACCESS_DENIED);
        }
        byte[] in = io.input();
        boolean sparse = in.length == 0 || in[0] != 0;
        AttrResult a = files.fs.getAttr(o.principal(), o.handle());
        if (!a.status().ok()) {
            return SmbResult.fail(SmbStatus.of(a.status()));
        }
        var set = files.fs.setAttr(o.principal(), o.handle(), new SetAttrs(null, null, null, null, null, null, null,
                ExtraAttributes.storedSparse(a.attr(), sparse)), null);
        if (!set.status().ok()) {
            return SmbResult.fail(SmbStatus.of(set.status()));
        }
        return new SmbResult.Done(NtStatus.SUCCESS, IoctlRequest.response(CODE, o.id(), new byte[0]), o.id());
    }
}
