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

/** CLOSE (RFC 7530 §16.2): ends the open and its share reservation (LOCKS_HELD while a lock-owner still holds locks through it); answers its stateid with the seqid bumped (4.1: a zeroed one may be returned). */
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
        var f = OpenStateids.find(c, a.stateid(), c.minor() != 0);
        if (f.status() != Nfs4Status.OK) {
            return OwnerSeq.notFound(c, a.stateid(), f.status(), a.seqid(), code(), out);
        }
        if (f.open().kind() != OpenStates.Kind.OPEN) {
            return Nfs4Status.BAD_STATEID;
        }
        return OwnerSeq.run(c, f.open().ownerKey(), a.seqid(), code(), f.other(), out, () -> {
            int st = OwnerSeq.stateidSeqid(c, a.stateid(), f.open().seqid());
            if (st != Nfs4Status.OK) {
                return st;
            }
            int closed = c.server().opens().close(f.other());
            if (closed != Nfs4Status.OK) {
                return closed;
            }
            Stateid after = new Stateid(f.open().seqid() + 1, f.other());
            c.currentStateid(after);
            after.write(out);
            return Nfs4Status.OK;
        });
    }
}
