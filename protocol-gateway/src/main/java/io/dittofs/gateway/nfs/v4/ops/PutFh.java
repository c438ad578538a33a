package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** PUTFH (RFC 7530 §16.20): crossing into another share asks the share gate. */
public final class PutFh implements Nfs4Op<byte[]> {

    @Override
    public int code() {
        return 22;
    }

    @Override
    public byte[] decode(XdrReader in) throws XdrException {
        return in.readOpaque(Fh.MAX_BYTES);
    }

    @Override
    public int execute(CompoundContext c, byte[] args, XdrWriter out) {
        Fh fh = Fh.decode(args);
        if (fh == null) {
            return Nfs4Status.BADHANDLE;
        }
        if (fh instanceof Fh.Pseudo p && !c.server().pseudo().isDir(p.path())) {
            return Nfs4Status.STALE;
        }
        return c.setCurrent(fh);
    }
}
