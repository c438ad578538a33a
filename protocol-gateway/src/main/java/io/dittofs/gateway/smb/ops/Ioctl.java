package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.smb.ipc.IpcCommands;
import io.dittofs.gateway.smb.ops.fsctl.Fsctl;
import io.dittofs.gateway.smb.ops.fsctl.PipeTransceive;
import io.dittofs.gateway.smb.ops.fsctl.QueryNetworkInterfaceInfo;
import io.dittofs.gateway.smb.ops.fsctl.ValidateNegotiateInfo;
import io.dittofs.gateway.smb.server.SmbCommandHandler;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.WireException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * IOCTL (MS-SMB2 3.3.5.15): decodes the request and hands it to the {@link Fsctl} of its code.
 * Only FSCTLs (flag IS_FSCTL) exist; a code without a handler here goes to the file commands'
 * own IOCTL handler on disk trees if they have one, else NOT_SUPPORTED (INVALID_DEVICE_REQUEST on pipes). An output larger
 * than MaxOutputResponse is the FSCTL's to refuse.
 */
public final class Ioctl implements SmbCommandHandler {

    private final Map<Integer, Fsctl> fsctls = new HashMap<>();
    private final java.util.function.Function<SmbRequest, SmbCommandHandler> fallback;

    public Ioctl(List<Fsctl> handlers, java.util.function.Function<SmbRequest, SmbCommandHandler> fallback) {
        handlers.forEach(f -> fsctls.put(f.code(), f));
        this.fallback = fallback;
    }

    /** The FSCTLs the server itself answers: validate negotiate, pipe transceive, network interfaces. */
    public static Ioctl standard(byte[] serverGuid, IpcCommands ipc, InetSocketAddress local,
                                 java.util.function.Function<SmbRequest, SmbCommandHandler> fallback) {
        return new Ioctl(List.of(new ValidateNegotiateInfo(serverGuid), new PipeTransceive(ipc),
                new QueryNetworkInterfaceInfo(local)), fallback);
    }

    @Override
    public SmbResult handle(SmbRequest req) throws WireException {
        IoctlRequest io = IoctlRequest.decode(req.body());
        if (!io.fsctl()) {
            return SmbResult.fail(NtStatus.NOT_SUPPORTED);
        }
        Fsctl f = fsctls.get(io.ctlCode());
        if (f != null) {
            return f.handle(req, io);
        }
        SmbCommandHandler other = req.tree().ipc() ? null : fallback.apply(req);
        if (other != null) {
            return other.handle(req);
        }
        // a pipe knows only the pipe FSCTLs; a file system FSCTL nobody implements is NOT_SUPPORTED
        return SmbResult.fail(req.tree().ipc() ? NtStatus.INVALID_DEVICE_REQUEST : NtStatus.NOT_SUPPORTED);
    }
}
