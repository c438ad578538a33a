package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.SmbWriter;

/**
 * FSCTL_SRV_REQUEST_RESUME_KEY (MS-SMB2 3.3.5.15.5, 2.2.32.3): the key a later COPYCHUNK names its
 * source by. The answer is the key, ContextLength 0 and four zero context bytes (the layout
 * clients size their buffer for).
 */
final class RequestResumeKey implements FileFsctl {

    static final int CODE = 0x00140078;
    static final int OUTPUT = ResumeKeys.BYTES + 4 + 4;

    private final FileCommands files;

    RequestResumeKey(FileCommands files) {
        this.files = files;
    }

    @Override
    public SmbResult handle(SmbRequest req, IoctlRequest io, SmbOpen o) {
        if (io.maxOutputResponse() < OUTPUT) {
            return SmbResult.fail(NtStatus.INVALID_PARAMETER);
        }
        byte[] key = files.service.resumeKeys.keyOf(files.opens, o);
        byte[] out = new SmbWriter(OUTPUT).bytes(key).i32(0).i32(0).toByteArray();
        return new SmbResult.Done(NtStatus.SUCCESS, IoctlRequest.response(CODE, o.id(), out), o.id());
    }
}
