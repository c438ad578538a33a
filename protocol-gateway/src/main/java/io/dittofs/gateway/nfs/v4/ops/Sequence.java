package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/**
 * SEQUENCE (RFC 8881 §18.46): binds the compound to a session slot. A retransmission (same seqid)
 * is answered from the slot's cache with the complete earlier reply; the processor sends it as is.
 */
public final class Sequence implements Nfs4Op<Sequence.Args> {

    /** xid, call, rpcvers, prog, vers, proc, an AUTH_SYS credential with a short machine name, an empty verifier. */
    private static final int RPC_CALL_HEADER = 80;

    static final int SEQ4_STATUS_CB_PATH_DOWN = 0x1;
    static final int SEQ4_STATUS_RECALLABLE_STATE_REVOKED = 0x40;

    public record Args(byte[] sessionId, int seqid, int slot, int highestSlot, boolean cacheThis) {
    }

    @Override
    public int code() {
        return 53;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(in.readFixedOpaque(16), in.readInt(), in.readInt(), in.readInt(), in.readBool());
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        var session = c.server().clients().session(a.sessionId());
        if (session.isEmpty()) {
            return Nfs4Status.BADSESSION;
        }
        var s = session.get();
        if (c.opCount() > s.maxOps()) {
            return Nfs4Status.TOO_MANY_OPS;
        }
        // the arguments plus an RPC call header with AUTH_SYS (RFC 8881 counts the whole request)
        if (c.requestBytes() + RPC_CALL_HEADER > s.limits().maxRequest()) {
            return Nfs4Status.REQ_TOO_BIG;
        }
        switch (s.use(a.slot(), a.seqid())) {
            case BADSLOT -> {
                return Nfs4Status.BADSLOT;
            }
            case MISORDERED -> {
                return Nfs4Status.SEQ_MISORDERED;
            }
            case RETRY_UNCACHED -> {
                return Nfs4Status.RETRY_UNCACHED_REP;
            }
            case REPLAY -> {
                c.replayWith(s.cached(a.slot()));
                return Nfs4Status.OK;
            }
            case NEW -> {
                c.server().clients().renew(s.clientId());
                c.bindSession(s, a.slot(), a.cacheThis());
            }
        }
        out.writeFixedOpaque(a.sessionId()).writeInt(a.seqid()).writeInt(a.slot())
                .writeInt(s.slots() - 1).writeInt(s.slots() - 1).writeInt(statusFlags(c, s));
        return Nfs4Status.OK;
    }

    /** sr_status_flags (RFC 8881 §18.46.3): revoked delegations not yet freed; no back channel while delegations are out. */
    private static int statusFlags(CompoundContext c, io.dittofs.gateway.nfs.v4.state.Session s) {
        var delegations = c.server().opens().delegations();
        int flags = 0;
        if (delegations.hasRevoked(s.clientId())) {
            flags |= SEQ4_STATUS_RECALLABLE_STATE_REVOKED;
        }
        if (!delegations.of(s.clientId()).isEmpty() && c.server().clients().callbackSessions(s.clientId()).isEmpty()) {
            flags |= SEQ4_STATUS_CB_PATH_DOWN;
        }
        return flags;
    }
}
