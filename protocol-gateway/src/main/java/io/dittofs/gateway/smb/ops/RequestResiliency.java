package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.Dialect;
import io.dittofs.gateway.smb.wire.NtStatus;

/**
 * FSCTL_LMR_REQUEST_RESILIENCY (MS-SMB2 2.2.31.3, 3.3.5.15.9): NETWORK_RESILIENCY_REQUEST is a
 * Timeout in milliseconds and 4 reserved bytes. The open becomes resilient: from then on its LOCK
 * requests are checked against the open's LockSequenceArray (replays answered SUCCESS, 3.3.5.14).
 * Not yet: keeping a resilient open across a disconnect (there is no durable reconnect), so the
 * timeout is recorded only. SMB 2.0.2 has no resilient handles.
 */
final class RequestResiliency implements FileFsctl {

    static final int CODE = 0x001401D4;
    /** MaxResiliencyTimeout (3.3.3): Windows' 5 minutes. */
    static final int MAX_TIMEOUT_MS = 300_000;
    /** The timeout a request of 0 gets (3.3.5.15.9: implementation-specific). */
    static final int DEFAULT_TIMEOUT_MS = 120_000;

    @Override
    public SmbResult handle(SmbRequest req, IoctlRequest io, SmbOpen o) {
        if (req.connection().dialect() == Dialect.SMB_2_0_2) {
            return SmbResult.fail(NtStatus.NOT_SUPPORTED);
        }
        byte[] in = io.input();
        if (in.length < 8) {
            return SmbResult.fail(NtStatus.INVALID_PARAMETER);
        }
        long timeout = (in[0] & 0xffL) | (in[1] & 0xffL) << 8 | (in[2] & 0xffL) << 16 | (in[3] & 0xffL) << 24;
        if (timeout > MAX_TIMEOUT_MS) {
            return SmbResult.fail(NtStatus.INVALID_PARAMETER);
        }
        o.resilient(timeout == 0 ? DEFAULT_TIMEOUT_MS : (int) timeout);
        return new SmbResult.Done(NtStatus.SUCCESS, IoctlRequest.response(CODE, o.id(), new byte[0]), o.id());
    }
}
