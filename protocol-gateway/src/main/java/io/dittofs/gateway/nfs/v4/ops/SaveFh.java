package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** SAVEFH (RFC 7530 §16.28). */
public final class SaveFh implements Nfs4Op<Void> {

    @Override
    public int code() {
        return 32;
    }

    @Override
    public Void decode(XdrReader in) {
        return null;
    }

    @Override
    public int execute(CompoundContext c, Void args, XdrWriter out) {
        if (c.current() == null) {
            return Nfs4Status.NOFILEHANDLE;
        }
        c.save();
        return Nfs4Status.OK;
    }
}
