package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.Stateid;
import io.dittofs.gateway.nfs.v4.state.OpenStates;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** CLOSE (RFC 7530 §16.2): drops the open; answers its stateid with the seqid bumped (4.1: a zeroed one may be returned). */
public final class Close implements Nfs4Op<Close.Args> {

    public record Args(int seqid, Stateid stateid) {
    }

    @Override
    public int code() {
        return 4;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(in.readInt(), Stateid.read(in));
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        var f = OpenStateids.find(c, a.stateid());
        if (f.status() != Nfs4Status.OK) {
            return f.status();
        }
        byte[] other = c.resolveStateid(a.stateid()).other();
        c.server().opens().remove(other);
        Stateid closed = new Stateid(f.open().seqid() + 1, other);
        c.currentStateid(closed);
        closed.write(out);
        return Nfs4Status.OK;
    }
}
