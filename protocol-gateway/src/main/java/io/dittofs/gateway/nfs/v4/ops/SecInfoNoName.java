package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** SECINFO_NO_NAME (RFC 8881 §18.45): AUTH_SYS for the current object or its parent; consumes the current filehandle. */
public final class SecInfoNoName implements Nfs4Op<Integer> {

    @Override
    public int code() {
        return 52;
    }

    @Override
    public Integer decode(XdrReader in) throws XdrException {
        return in.readEnum(1);
    }

    @Override
    public int execute(CompoundContext c, Integer style, XdrWriter out) {
        if (c.current() == null) {
            return Nfs4Status.NOFILEHANDLE;
        }
        if (style == 1) {
            int up = new LookupP().execute(c, null, out);
            if (up != Nfs4Status.OK) {
                return up;
            }
        }
        c.clearCurrent();
        SecInfo.flavors(out);
        return Nfs4Status.OK;
    }
}
