package io.dittofs.gateway.nfs.v4.state;

import io.dittofs.gateway.nfs.v4.Nfs4Status;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * NFSv4.0 open-owner and lock-owner sequence ids (RFC 7530 §9.1.7): each owner's requests carry
 * the previous seqid + 1; the last request may be retransmitted and gets its earlier reply again;
 * anything else is BAD_SEQID. A seqid advances whatever the outcome, except for the errors that
 * show the request never reached the owner. NFSv4.1 ignores these seqids (sessions give
 * exactly-once semantics), so only 4.0 operations ask here.
 *
 * <p>Kept in the gateway: after a restart an owner's next request is taken as it comes.
 */
public final class OwnerSeqids {

    /** Errors after which the owner's seqid does not advance (RFC 7530 §9.1.7). */
    private static final Set<Integer> NO_BUMP = Set.of(Nfs4Status.STALE_CLIENTID, Nfs4Status.STALE_STATEID,
            Nfs4Status.BAD_STATEID, Nfs4Status.BAD_SEQID, Nfs4Status.BADXDR, Nfs4Status.RESOURCE,
            Nfs4Status.NOFILEHANDLE, Nfs4Status.MOVED);
    private static final int MAX_OWNERS = 100_000;

    /** What a request's seqid is to its owner. {@code status} and {@code body} are the cached reply of a REPLAY. */
    public record Verdict(Kind kind, int status, byte[] body) {
        public enum Kind { NEW, REPLAY, BAD }
    }

    private static final class Owner {
        int last;
        boolean confirmed;
        int opcode;
        int status;
        byte[] body;
        byte[] other;
    }

    private final Map<String, Owner> owners = new HashMap<>();

    public synchronized Verdict check(String owner, int seqid, int opcode) {
        Owner o = owners.get(owner);
        if (o == null || seqid == o.last + 1) {
            return new Verdict(Verdict.Kind.NEW, Nfs4Status.OK, null);
        }
        if (seqid == o.last && o.body != null && o.opcode == opcode) {
            return new Verdict(Verdict.Kind.REPLAY, o.status, o.body.clone());
        }
        return new Verdict(Verdict.Kind.BAD, Nfs4Status.BAD_SEQID, null);
    }

    /**
     * A retransmission of the last request of whichever owner last used {@code other} (a CLOSE
     * whose stateid is gone by the time it is retransmitted); null when none.
     */
    public synchronized Verdict replayOf(byte[] other, int seqid, int opcode) {
        for (Owner o : owners.values()) {
            if (o.other != null && Arrays.equals(o.other, other) && o.last == seqid && o.opcode == opcode
                    && o.body != null) {
                return new Verdict(Verdict.Kind.REPLAY, o.status, o.body.clone());
            }
        }
        return null;
    }

    /** Records the outcome of a NEW request: the seqid advances unless the error says it never counted. */
    public synchronized void done(String owner, int seqid, int opcode, int status, byte[] body, byte[] other) {
        if (NO_BUMP.contains(status)) {
            return;
        }
        if (owners.size() >= MAX_OWNERS && !owners.containsKey(owner)) {
            // bounded: a client inventing owners cannot grow this without end; the oldest behaviour
            // (any seqid accepted for an owner not tracked) is what a restart gives anyway
            owners.clear();
        }
        Owner o = owners.computeIfAbsent(owner, k -> new Owner());
        o.last = seqid;
        o.opcode = opcode;
        o.status = status;
        o.body = body;
        o.other = other;
    }

    /** 4.0: whether an OPEN of this open-owner needs OPEN_CONFIRM (its first one does). */
    public synchronized boolean confirmed(String owner) {
        Owner o = owners.get(owner);
        return o != null && o.confirmed;
    }

    public synchronized void confirm(String owner) {
        owners.computeIfAbsent(owner, k -> new Owner()).confirmed = true;
    }
}
