package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** RESTOREFH (RFC 7530 §16.27): the saved handle may belong to another share, so the gate is asked again. */
public final class RestoreFh implements Nfs4Op<Void> {

    @Override
    public int code() {
        return 31;
    }

    @Override
    public Void decode(XdrReader in) {
        return null;
    }

    @Override
    public int execute(CompoundContext c, Void args, XdrWriter out) {
        if (c.saved() == null) {
            return Nfs4Status.RESTOREFH;
        }
        return c.restore();
    }
}
