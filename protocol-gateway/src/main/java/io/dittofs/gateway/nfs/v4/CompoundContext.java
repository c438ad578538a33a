package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.access.Decision;
import io.dittofs.gateway.access.Intent;
import io.dittofs.gateway.identity.Principal;
import io.dittofs.gateway.nfs.v4.state.Session;
import io.dittofs.gateway.rpc.CallContext;

/**
 * The state of one COMPOUND while it runs: current and saved filehandle, the caller, the minor
 * version, and (4.1) the session and slot SEQUENCE bound it to. The share gate is asked again
 * whenever the current filehandle crosses into another share; its answer (squashed principal)
 * stays until the next crossing.
 */
public final class CompoundContext {

    private final Nfs4Server server;
    private final CallContext call;
    private final Principal caller;
    private final int minor;
    private Fh current;
    private Fh saved;
    private Stateid currentStateid;
    private Stateid savedStateid;
    private long allowedShare = -1;
    private Decision.Allowed allowed;
    private Session session;
    private int slot = -1;
    private byte[] replay;
    private int opCount;
    private long requestBytes;
    private boolean cacheThis;
    private boolean reachedNonIdempotent;
    private int opIndex;

    public CompoundContext(Nfs4Server server, CallContext call, Principal caller, int minor) {
        this.server = server;
        this.call = call;
        this.caller = caller;
        this.minor = minor;
    }

    public Nfs4Server server() {
        return server;
    }

    public CallContext call() {
        return call;
    }

    public int minor() {
        return minor;
    }

    /** The identity the services see: the share's answer (after squash) inside a share, the caller outside. */
    public Principal principal() {
        return current instanceof Fh.Real && allowed != null ? allowed.principal() : caller;
    }

    public Principal caller() {
        return caller;
    }

    /**
     * The caller as EXCHANGE_ID and CREATE_SESSION compare it (RFC 8881 §2.4.3: same principal):
     * the authentication flavor's identity before any squash.
     */
    public String principalKey() {
        return caller.anonymous() ? "none" : "sys:" + Integer.toUnsignedString(caller.uid());
    }

    /** How many operations the COMPOUND holds and how large its arguments are (SEQUENCE checks the session's limits). */
    public void compound(int ops, long bytes) {
        opCount = ops;
        requestBytes = bytes;
    }

    /** Whether an operation a retransmission must not run again has been reached (4.0 reply cache). */
    public boolean reachedNonIdempotent() {
        return reachedNonIdempotent;
    }

    public void reachedNonIdempotent(boolean reached) {
        reachedNonIdempotent = reached;
    }

    /** Position of the running operation in the compound (0 first). */
    public int opIndex() {
        return opIndex;
    }

    public void opIndex(int index) {
        opIndex = index;
    }

    public int opCount() {
        return opCount;
    }

    public long requestBytes() {
        return requestBytes;
    }

    /** SEQUENCE's sa_cachethis: the reply must fit the slot cache's size or be REP_TOO_BIG_TO_CACHE. */
    public boolean cacheThis() {
        return cacheThis;
    }

    public Fh current() {
        return current;
    }

    public Fh saved() {
        return saved;
    }

    /** Whether the share of the current filehandle may be modified by this caller. */
    public boolean mayModify() {
        return current instanceof Fh.Real && allowed != null && allowed.mayModify();
    }

    /**
     * Makes {@code fh} current after asking the share gate when it belongs to another share than the
     * last one allowed.
     *
     * @return OK or the refusal's nfsstat4
     */
    public int setCurrent(Fh fh) {
        if (fh instanceof Fh.Real real && real.shareId() != allowedShare) {
            Decision d = server.gate().check(real.shareId(), call.remote().getAddress(), caller, Intent.READ);
            switch (d) {
                case Decision.Denied denied -> {
                    return Nfs4Status.of(denied.reason());
                }
                case Decision.Allowed ok -> {
                    allowed = ok;
                    allowedShare = real.shareId();
                }
            }
        }
        current = fh;
        currentStateid = null;
        return Nfs4Status.OK;
    }

    /** The stateid the last OPEN (or CLOSE, LOCK…) made current (RFC 8881 §16.2.3.1.2); cleared with the filehandle. */
    public void currentStateid(Stateid id) {
        currentStateid = id;
    }

    /**
     * {@code id}, or — for 4.1's current-stateid marker (seqid 1, other all zeros) — the current
     * stateid; null when the marker is used and there is none (BAD_STATEID).
     */
    public Stateid resolveStateid(Stateid id) {
        if (minor >= 1 && id.seqid() == 1 && id.allZero()) {
            return currentStateid;
        }
        return id;
    }

    /** RESTOREFH: the saved filehandle and the stateid saved with it become current. */
    public int restore() {
        int st = setCurrent(saved);
        if (st == Nfs4Status.OK) {
            currentStateid = savedStateid;
        }
        return st;
    }

    /** For an operation that changes the current object's share: OK or ROFS/ACCESS/STALE. */
    public int checkModify() {
        if (!(current instanceof Fh.Real real)) {
            return current == null ? Nfs4Status.NOFILEHANDLE : Nfs4Status.ROFS;
        }
        Decision d = server.gate().check(real.shareId(), call.remote().getAddress(), caller, Intent.MODIFY);
        return d instanceof Decision.Denied denied ? Nfs4Status.of(denied.reason()) : Nfs4Status.OK;
    }

    public void clearCurrent() {
        current = null;
    }

    public void save() {
        saved = current;
        savedStateid = currentStateid;
    }

    public Session session() {
        return session;
    }

    public int slot() {
        return slot;
    }

    /** A retransmission SEQUENCE found in the slot's reply cache: the whole reply to send again. */
    public byte[] replay() {
        return replay;
    }

    public void replayWith(byte[] cachedReply) {
        replay = cachedReply;
    }

    public void bindSession(Session s, int slotId, boolean cache) {
        session = s;
        slot = slotId;
        cacheThis = cache;
    }
}
