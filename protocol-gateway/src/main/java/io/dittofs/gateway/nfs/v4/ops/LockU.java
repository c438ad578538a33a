package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.locks.LockStatus;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.Stateid;
import io.dittofs.gateway.nfs.v4.state.Nfs4LockStatus;
import io.dittofs.gateway.nfs.v4.state.OpenStates;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/**
 * LOCKU (RFC 7530 §16.12): releases the range (POSIX: part of a lock splits it; a range not locked
 * is fine) and answers the lock stateid with its seqid bumped; 4.0 lock-owner seqid rules apply.
 */
public final class LockU implements Nfs4Op<LockU.Args> {

    public record Args(int type, int seqid, Stateid stateid, long offset, long length) {
    }

    @Override
    public int code() {
        return 14;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(in.readInt(), in.readInt(), Stateid.read(in), in.readLong(), in.readLong());
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        if (!c.server().opens().lockService()) {
            return Nfs4Status.NOTSUPP;
        }
        var f = OpenStateids.find(c, a.stateid(), c.minor() != 0);
        if (f.status() != Nfs4Status.OK) {
            return f.status();
        }
        OpenStates.State lock = f.open();
        if (lock.kind() != OpenStates.Kind.LOCK) {
            return Nfs4Status.BAD_STATEID;
        }
        return OwnerSeq.run(c, lock.ownerKey(), a.seqid(), code(), f.other(), out, () -> {
            int given = c.resolveStateid(a.stateid()).seqid();
            if (c.minor() == 0 && given != lock.seqid()) {
                return Integer.compareUnsigned(given, lock.seqid()) < 0 ? Nfs4Status.OLD_STATEID
                        : Nfs4Status.BAD_STATEID;
            }
            if (!LockRanges.validType(a.type())) {
                return Nfs4Status.INVAL;
            }
            int range = LockRanges.check(a.offset(), a.length());
            if (range != Nfs4Status.OK) {
                return range;
            }
            LockStatus st = c.server().opens().unlock(lock, a.offset(), a.length());
            if (!st.ok() && st != LockStatus.NOT_LOCKED) {
                return Nfs4LockStatus.of(st);
            }
            var next = c.server().opens().replace(f.other(), lock.withSeqid(lock.seqid() + 1));
            Stateid sid = new Stateid(next.seqid(), f.other());
            c.currentStateid(sid);
            sid.write(out);
            return Nfs4Status.OK;
        });
    }
}
