package io.dittofs.gateway.smb.ops.fsctl;

import io.dittofs.gateway.smb.ipc.IpcCommands;
import io.dittofs.gateway.smb.ops.IoctlRequest;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.FileId;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.WireException;

/**
 * FSCTL_PIPE_TRANSCEIVE (MS-FSCC 2.3.49, MS-SMB2 3.3.5.15.1): one DCE/RPC round trip on an open
 * pipe; an answer longer than MaxOutputResponse comes back partly with BUFFER_OVERFLOW, the rest
 * by READ.
 */
public final class PipeTransceive implements Fsctl {

    public static final int CODE = 0x0011C017;

    private final IpcCommands ipc;

    public PipeTransceive(IpcCommands ipc) {
        this.ipc = ipc;
    }

    @Override
    public int code() {
        return CODE;
    }

    @Override
    public SmbResult handle(SmbRequest req, IoctlRequest io) throws WireException {
        if (!req.tree().ipc()) {
            return SmbResult.fail(NtStatus.INVALID_DEVICE_REQUEST);
        }
        FileId id = req.fileId(io.fileId());
        if (id == null) {
            return SmbResult.fail(NtStatus.FILE_CLOSED);
        }
        return ipc.transceive(req, id, io.input(), io.maxOutputResponse(), (data, more) -> new SmbResult.Done(
                more ? NtStatus.BUFFER_OVERFLOW : NtStatus.SUCCESS, IoctlRequest.response(CODE, id, data), id));
    }
}
