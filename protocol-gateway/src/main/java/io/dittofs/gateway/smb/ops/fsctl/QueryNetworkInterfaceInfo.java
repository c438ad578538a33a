package io.dittofs.gateway.smb.ops.fsctl;

import io.dittofs.gateway.smb.ops.IoctlRequest;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.SmbWriter;
import java.net.Inet6Address;
import java.net.InetSocketAddress;

/**
 * FSCTL_QUERY_NETWORK_INTERFACE_INFO (MS-SMB2 2.2.32.5): one NETWORK_INTERFACE_INFO, the address
 * this connection reached (no RSS/RDMA; multichannel is not offered, so clients only learn it).
 */
public final class QueryNetworkInterfaceInfo implements Fsctl {

    public static final int CODE = 0x001401FC;
    static final int ENTRY = 152;
    static final long LINK_SPEED = 1_000_000_000L;

    private final InetSocketAddress local;

    public QueryNetworkInterfaceInfo(InetSocketAddress local) {
        this.local = local;
    }

    @Override
    public int code() {
        return CODE;
    }

    @Override
    public SmbResult handle(SmbRequest req, IoctlRequest io) {
        if (!io.fileId().related()) {
            // a server-wide query: it names no file (FileId all ones, MS-SMB2 3.3.5.15.11)
            return SmbResult.fail(NtStatus.INVALID_PARAMETER);
        }
        if (io.maxOutputResponse() < ENTRY) {
            return SmbResult.fail(NtStatus.BUFFER_TOO_SMALL);
        }
        if (local == null) {
            return SmbResult.fail(NtStatus.NOT_SUPPORTED);
        }
        return SmbResult.ok(IoctlRequest.response(CODE, io.fileId(), entry(local)));
    }

    static byte[] entry(InetSocketAddress addr) {
        SmbWriter w = new SmbWriter(ENTRY);
        w.i32(0).i32(1).i32(0).i32(0).i64(LINK_SPEED);
        byte[] ip = addr.getAddress().getAddress();
        int start = w.position();
        if (addr.getAddress() instanceof Inet6Address a6) {
            w.u16(0x17).u16(0).i32(0).bytes(ip).i32(a6.getScopeId());
        } else {
            w.u16(0x02).u16(0).bytes(ip);
        }
        w.zeros(128 - (w.position() - start));
        return w.toByteArray();
    }
}
