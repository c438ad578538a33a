package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.Names;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** SECINFO (RFC 7530 §16.31): AUTH_SYS only. The name must exist; the current filehandle is consumed (RFC 8881 §2.6.3.1.1.8). */
public final class SecInfo implements Nfs4Op<byte[]> {

    private static final Lookup LOOKUP = new Lookup();

    @Override
    public int code() {
        return 33;
    }

    @Override
    public byte[] decode(XdrReader in) throws XdrException {
        return Names.read(in);
    }

    @Override
    public int execute(CompoundContext c, byte[] name, XdrWriter out) {
        Fh dir = c.current();
        int found = LOOKUP.execute(c, name, out);
        if (found != Nfs4Status.OK) {
            return found;
        }
        if (c.minor() == 0) {
            c.setCurrent(dir);
        } else {
            c.clearCurrent();
        }
        flavors(out);
        return Nfs4Status.OK;
    }

    /** secinfo4<>: one entry, AUTH_SYS. */
    static void flavors(XdrWriter out) {
        out.writeInt(1).writeInt(1);
    }
}
