package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** SETCLIENTID_CONFIRM (RFC 7530 §16.34): confirms and registers the client with the lock-service. */
public final class SetClientIdConfirm implements Nfs4Op<SetClientIdConfirm.Args> {

    public record Args(long clientId, byte[] confirm) {
    }

    @Override
    public int code() {
        return 36;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(in.readLong(), in.readFixedOpaque(8));
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        int st = c.server().clients().confirm(a.clientId(), a.confirm());
        if (st == Nfs4Status.OK) {
            c.server().callbacks().confirmed40(a.clientId());
        }
        return st;
    }
}
