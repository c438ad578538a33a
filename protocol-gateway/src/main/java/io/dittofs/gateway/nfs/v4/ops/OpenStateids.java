package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.fs.model.AccessMode;
import io.dittofs.gateway.fs.model.OpenFile;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.Stateid;
import io.dittofs.gateway.nfs.v4.state.Delegations;
import io.dittofs.gateway.nfs.v4.state.OpenStates;

/**
 * Resolves an open or lock stateid against the current filehandle (RFC 7530 §9.1.4.2 seqid
 * rules). A stateid of this gateway's earlier run is rebuilt from the lock-service and re-opened
 * for I/O with the caller's permissions.
 */
final class OpenStateids {

    /** @param open null unless status is OK; @param other the resolved stateid's other */
    record Found(int status, OpenStates.State open, byte[] other) {
    }

    private OpenStateids() {
    }

    /** Whether the compound's caller is the user the open was granted to (same uid). */
    static boolean sameUser(CompoundContext c, OpenFile open) {
        return c.principal().uid() == open.principal().uid();
    }

    static Found find(CompoundContext c, Stateid given) {
        return find(c, given, true);
    }

    /** @param checkSeqid false for 4.0 operations that check the owner's seqid and take any stateid seqid the state has */
    static Found find(CompoundContext c, Stateid given, boolean checkSeqid) {
        Stateid id = c.resolveStateid(given);
        if (id == null) {
            return new Found(Nfs4Status.BAD_STATEID, null, null);
        }
        if (!(c.current() instanceof Fh.Real r)) {
            return new Found(c.current() == null ? Nfs4Status.NOFILEHANDLE : Nfs4Status.ISDIR, null, null);
        }
        if (id.special()) {
            return new Found(Nfs4Status.BAD_STATEID, null, null);
        }
        OpenStates opens = c.server().opens();
        int deleg = delegationStatus(c, id);
        if (deleg != Nfs4Status.OK) {
            return new Found(deleg, null, null);
        }
        OpenStates.State o = opens.find(id.other(), id.seqid());
        if (o == null) {
            return new Found(opens.unknown(id.other()), null, null);
        }
        o = opens.effective(o);
        if (!o.handle().equals(r.handle())) {
            return new Found(Nfs4Status.BAD_STATEID, null, null);
        }
        if (c.session() != null && c.session().clientId() != o.clientId()) {
            return new Found(Nfs4Status.BAD_STATEID, null, null);
        }
        // 4.1 seqid 0 means "the current one" (RFC 8881 §8.2.2)
        if (checkSeqid && id.seqid() != o.seqid() && !(c.minor() >= 1 && id.seqid() == 0)) {
            return new Found(Integer.compareUnsigned(id.seqid(), o.seqid()) < 0 ? Nfs4Status.OLD_STATEID
                    : Nfs4Status.BAD_STATEID, null, null);
        }
        if (o.file() == null) {
            var reopened = c.server().fs().open(c.principal(), r.handle(), mode(o.access()));
            if (!reopened.status().ok() && o.kind() == OpenStates.Kind.LOCK) {
                reopened = c.server().fs().open(c.principal(), r.handle(), AccessMode.READ);
                if (reopened.status().ok()) {
                    o = opens.replace(id.other(), o.withBits(1, o.deny(), o.seqid()).withIo(reopened.file()));
                }
            } else if (reopened.status().ok()) {
                o = opens.replace(id.other(), o.withIo(reopened.file()));
            }
            if (!reopened.status().ok()) {
                return new Found(Nfs4Status.of(reopened.status()), null, null);
            }
        }
        // any use of a stateid renews its client's lease (RFC 7530 §9.5); at most every third of a lease reaches the
        // lock-service, so a client whose lease ran out (no renewal for a whole lease) is always asked there
        if (c.server().clients().renew(o.clientId()) == Nfs4Status.EXPIRED) {
            // the lock-service released the client and all its state: the stateids this gateway still
            // caches are gone too, and say EXPIRED, now and on a retransmission (RFC 7530 §8.6.3)
            opens.dropClient(o.clientId());
            return new Found(Nfs4Status.EXPIRED, null, null);
        }
        return new Found(Nfs4Status.OK, o, id.other());
    }

    /** A revoked delegation's stateid: DELEG_REVOKED (4.1), EXPIRED (4.0); a returned one: BAD_STATEID; else OK. */
    static int delegationStatus(CompoundContext c, Stateid id) {
        OpenStates opens = c.server().opens();
        var st = opens.delegations().status(id.other());
        if (st == Delegations.Status.REVOKED) {
            return c.minor() >= 1 ? Nfs4Status.DELEG_REVOKED : Nfs4Status.EXPIRED;
        }
        if (st == Delegations.Status.UNKNOWN) {
            OpenStates.State cached = opens.cached(id.other());
            if (cached != null && cached.kind() == OpenStates.Kind.DELEG) {
                // revoked and forgotten, or returned: the cached I/O state is stale
                return Nfs4Status.BAD_STATEID;
            }
        }
        return Nfs4Status.OK;
    }

    static AccessMode mode(int access) {
        return switch (access & 3) {
            case 1 -> AccessMode.READ;
            case 2 -> AccessMode.WRITE;
            default -> AccessMode.READ_WRITE;
        };
    }
}
