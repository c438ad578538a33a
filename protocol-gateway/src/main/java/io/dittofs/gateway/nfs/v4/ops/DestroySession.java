package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

import java.util.Arrays;

/**
 * DESTROY_SESSION (RFC 8881 §18.37). Destroying the session the compound's SEQUENCE runs in must
 * be the compound's last operation (§18.37.3): nothing could run in the session after it.
 */
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
        if (c.session() != null && Arrays.equals(c.session().id(), id) && c.opIndex() != c.opCount() - 1) {
            return Nfs4Status.NOT_ONLY_OP;
        }
        return c.server().clients().destroySession(id);
    }
}
