package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** DESTROY_CLIENTID (RFC 8881 §18.50): refused while the client still has sessions. */
public final class DestroyClientId implements Nfs4Op<Long> {

    @Override
    public int code() {
        return 57;
    }

    @Override
    public Long decode(XdrReader in) throws XdrException {
        return in.readLong();
    }

    @Override
    public int execute(CompoundContext c, Long clientId, XdrWriter out) {
        return c.server().clients().destroyClient(clientId);
    }
}
