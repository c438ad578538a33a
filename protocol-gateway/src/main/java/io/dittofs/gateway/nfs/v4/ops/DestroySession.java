package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** DESTROY_SESSION (RFC 8881 §18.37). */
public final class DestroySession implements Nfs4Op<byte[]> {

    @Override
    public int code() {
        return 44;
    }

    @Override
    public byte[] decode(XdrReader in) throws XdrException {
        return in.readFixedOpaque(16);
    }

    @Override
    public int execute(CompoundContext c, byte[] id, XdrWriter out) {
        return c.server().clients().destroySession(id);
    }
}
