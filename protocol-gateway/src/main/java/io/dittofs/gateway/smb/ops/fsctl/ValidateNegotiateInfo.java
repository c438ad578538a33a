package io.dittofs.gateway.smb.ops.fsctl;

import io.dittofs.gateway.smb.ops.IoctlRequest;
import io.dittofs.gateway.smb.server.SmbConnectionState;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.SmbReader;
import io.dittofs.gateway.smb.wire.SmbWriter;
import io.dittofs.gateway.smb.wire.WireException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * FSCTL_VALIDATE_NEGOTIATE_INFO (MS-SMB2 3.3.5.15.12): the client repeats, signed, what it sent in
 * NEGOTIATE; anything that differs from what the connection saw (a downgrade by a man in the
 * middle) drops the connection. The answer repeats what the server said.
 */
public final class ValidateNegotiateInfo implements Fsctl {

    public static final int CODE = 0x00140204;
    static final int MAX_DIALECTS = 64;
    static final int OUTPUT = 24;

    private final byte[] serverGuid;

    public ValidateNegotiateInfo(byte[] serverGuid) {
        this.serverGuid = serverGuid.clone();
    }

    @Override
    public int code() {
        return CODE;
    }

    /** The request's fields. */
    record Info(int capabilities, byte[] guid, int securityMode, List<Integer> dialects) {
    }

    static Info decode(byte[] input) throws WireException {
        SmbReader r = SmbReader.of(input);
        int caps = r.i32();
        byte[] guid = r.bytes(16);
        int mode = r.u16();
        int n = r.u16();
        if (n == 0 || n > MAX_DIALECTS) {
            throw new WireException("VALIDATE_NEGOTIATE_INFO with " + n + " dialects");
        }
        List<Integer> dialects = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            dialects.add(r.u16());
        }
        return new Info(caps, guid, mode, dialects);
    }

    @Override
    public SmbResult handle(SmbRequest req, IoctlRequest io) throws WireException {
        if (io.maxOutputResponse() < OUTPUT) {
            return SmbResult.fail(NtStatus.INVALID_PARAMETER);
        }
        Info info = decode(io.input());
        SmbConnectionState c = req.connection();
        if (info.capabilities() != c.clientCapabilities() || !Arrays.equals(info.guid(), c.clientGuid())
                || info.securityMode() != c.clientSecurityMode() || !info.dialects().equals(c.clientDialects())) {
            return new SmbResult.Drop("VALIDATE_NEGOTIATE_INFO differs from NEGOTIATE");
        }
        byte[] out = new SmbWriter(OUTPUT).i32(c.serverCapabilities()).bytes(serverGuid).u16(c.serverSecurityMode())
                .u16(c.dialect()).toByteArray();
        return SmbResult.ok(IoctlRequest.response(CODE, io.fileId(), out));
    }
}
