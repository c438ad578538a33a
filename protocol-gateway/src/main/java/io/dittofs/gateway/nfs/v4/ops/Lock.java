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
 * LOCK (RFC 7530 §16.10, RFC 8881 §18.10): a byte-range lock in the lock-service, POSIX semantics
 * (an owner's ranges merge and split), conflicting with every other owner's locks on the file —
 * NFSv4 lock-owners of any client, NLM and SMB. A new lock-owner comes with its open
 * (open_to_lock_owner4) and gets a lock stateid; an existing one names its lock stateid. A
 * conflict is DENIED with the holder's range, type and owner (blocking types are not queued: the
 * client polls, as RFC 7530 §9.4 allows). In 4.0 the open-owner's seqid (new lock-owner) or the
 * lock-owner's seqid rules apply.
 */
public final class Lock implements Nfs4Op<Lock.Args> {

    /**
     * @param openStateid with {@code newOwner}: the open; else unused
     * @param lockStateid without {@code newOwner}: the lock-owner's stateid
     */
    public record Args(int type, boolean reclaim, long offset, long length, boolean newOwner, int openSeqid,
                       Stateid openStateid, int lockSeqid, long clientId, byte[] owner, Stateid lockStateid) {
    }

    @Override
    public int code() {
        return 12;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        int type = in.readInt();
        boolean reclaim = in.readBool();
        long offset = in.readLong();
        long length = in.readLong();
        if (in.readBool()) {
            int openSeqid = in.readInt();
            Stateid open = Stateid.read(in);
            int lockSeqid = in.readInt();
            long clientId = in.readLong();
            byte[] owner = in.readOpaque(1024);
            return new Args(type, reclaim, offset, length, true, openSeqid, open, lockSeqid, clientId, owner, null);
        }
        Stateid lock = Stateid.read(in);
        return new Args(type, reclaim, offset, length, false, 0, null, in.readInt(), 0, null, lock);
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        if (!c.server().opens().lockService()) {
            return Nfs4Status.NOTSUPP;
        }
        var f = OpenStateids.find(c, a.newOwner() ? a.openStateid() : a.lockStateid(), c.minor() != 0);
        if (f.status() != Nfs4Status.OK) {
            return f.status();
        }
        OpenStates.State found = f.open();
        if (a.newOwner() != (found.kind() == OpenStates.Kind.OPEN)) {
            return Nfs4Status.BAD_STATEID;
        }
        if (!a.reclaim() && c.minor() >= 1 && !c.server().clients().reclaimDone(c.session().clientId())) {
            // RFC 8881 §18.51.3: no new locks before the client's RECLAIM_COMPLETE
            return Nfs4Status.GRACE;
        }
        int seqid = a.newOwner() ? a.openSeqid() : a.lockSeqid();
        return OwnerSeq.run(c, found.ownerKey(), seqid, code(), f.other(), out, () -> {
            // 4.0: the stateid's seqid is checked once the owner's seqid said this is no replay
            if (c.minor() == 0 && c.resolveStateid(a.newOwner() ? a.openStateid() : a.lockStateid()).seqid()
                    != found.seqid()) {
                int given = (a.newOwner() ? a.openStateid() : a.lockStateid()).seqid();
                return Integer.compareUnsigned(given, found.seqid()) < 0 ? Nfs4Status.OLD_STATEID
                        : Nfs4Status.BAD_STATEID;
            }
            return lock(c, a, f.other(), found, out);
        });
    }

    private int lock(CompoundContext c, Args a, byte[] foundOther, OpenStates.State found, XdrWriter out) {
        if (!LockRanges.validType(a.type())) {
            return Nfs4Status.INVAL;
        }
        int range = LockRanges.check(a.offset(), a.length());
        if (range != Nfs4Status.OK) {
            return range;
        }
        boolean exclusive = LockRanges.exclusive(a.type());
        if ((found.access() & (exclusive ? 2 : 1)) == 0) {
            // RFC 7530 §16.10.5: the open must allow the kind of access the lock protects
            return Nfs4Status.OPENMODE;
        }
        if (a.newOwner() && c.minor() == 0 && a.clientId() != found.clientId()) {
            return Nfs4Status.BAD_STATEID;
        }
        OpenStates opens = c.server().opens();
        byte[] lockOther = foundOther;
        OpenStates.State lockState = found;
        if (a.newOwner()) {
            var made = opens.lockState(foundOther, found, a.owner());
            if (made.status() != Nfs4Status.OK) {
                return made.status();
            }
            lockOther = made.other();
            lockState = made.state();
        }
        var r = opens.lock(lockOther, lockState, exclusive, a.offset(), a.length(), a.reclaim());
        if (r.status() == LockStatus.DENIED) {
            LockRanges.denied(c, r.conflict(), out);
            return Nfs4Status.DENIED;
        }
        if (!r.status().ok()) {
            return Nfs4LockStatus.of(r.status());
        }
        OpenStates.State next = opens.replace(lockOther, lockState.withSeqid(lockState.seqid() + 1));
        Stateid sid = new Stateid(next.seqid(), lockOther);
        c.currentStateid(sid);
        sid.write(out);
        if (a.newOwner() && c.minor() == 0) {
            // the new lock-owner's sequence starts at lock_seqid (RFC 7530 §16.10.5)
            byte[] body = java.nio.ByteBuffer.allocate(16).putInt(sid.seqid()).put(lockOther).array();
            c.server().seqids().done(next.ownerKey(), a.lockSeqid(), code(), Nfs4Status.OK, body, lockOther);
        }
        return Nfs4Status.OK;
    }
}
