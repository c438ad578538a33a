package io.dittofs.gateway.nfs.v4.state;

import io.dittofs.gateway.locks.ClientRef;
import io.dittofs.gateway.locks.LockManager;
import io.dittofs.gateway.locks.LockProtocol;
import io.dittofs.gateway.locks.LockStatus;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.attr.Fattr4;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's NFSv4 client plumbing: client ids (SETCLIENTID / EXCHANGE_ID) and 4.1 sessions.
 * Open and lock state belongs to the lock-service, where every confirmed client is registered
 * (protocol NFS4, 90 s lease); this keeps only what a connection needs.
 *
 * <p>Lock order: this object's monitor, then a {@link Session}'s monitor; never the other way.
 */
public final class ClientStates {

    /** A client id and what it was established with. */
    public static final class Client {
        final long id;
        final byte[] owner;
        final byte[] verifier;
        final byte[] confirm;
        /** Who established it (RFC 8881 §18.35.5 compares principals). */
        final String principal;
        final long createdNanos = System.nanoTime();
        boolean confirmed;
        /** The last CREATE_SESSION's status and result body, answered again to its retransmission. */
        int lastCreateSessionStatus;
        byte[] lastCreateSessionReply;
        boolean reclaimComplete;
        int createSessionSeq = 1;
        ClientRef lockClient;
        long lockRenewedNanos;
        /** Found again in the lock-service after a gateway restart: its create-session sequence is unknown. */
        boolean restored;
        /** 4.0 SETCLIENTID callback update: the confirm value of the update waiting for SETCLIENTID_CONFIRM. */
        byte[] pendingConfirm;

        Client(long id, byte[] owner, byte[] verifier, byte[] confirm, String principal) {
            this.id = id;
            this.owner = owner.clone();
            this.verifier = verifier.clone();
            this.confirm = confirm.clone();
            this.principal = principal;
        }

        public long id() {
            return id;
        }

        public int createSessionSeq() {
            return createSessionSeq;
        }

        public boolean confirmed() {
            return confirmed;
        }
    }

    public record SetClientIdResult(int status, long clientId, byte[] confirm) {
    }

    /** @param client null unless status is OK */
    public record Exchanged(int status, Client client) {
    }

    /** @param session null unless status is OK and this is no replay; @param replay the cached result body of a retransmission */
    public record SessionCreated(int status, Session session, byte[] replay) {
    }


    private final LockManager locks;
    private final SecureRandom random = new SecureRandom();
    /** Client ids carry this boot's epoch so ids of an earlier gateway run are STALE_CLIENTID. */
    private final long epoch = (System.currentTimeMillis() / 1000) << 32;
    private long next = 1;
    private final Map<Long, Client> byId = new HashMap<>();
    /** The confirmed record of each owner, and the unconfirmed one waiting beside it (RFC 8881 §18.35.5 case 5). */
    private final Map<String, Client> confirmedByOwner = new HashMap<>();
    private final Map<String, Client> unconfirmedByOwner = new HashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();

    private final OpenStates opens;
    private final int leaseSeconds;
    /** The lock-service lease is renewed at most this often: a busy client adds no lock-service call to each compound. */
    private final long renewEveryNanos;

    /** @param locks where confirmed clients are registered; null only in tests without a lock-service */
    public ClientStates(LockManager locks) {
        this(locks, Fattr4.LEASE_SECONDS);
    }

    /** @param leaseSeconds each client's lease at the lock-service ({@code dittofs.nfs.lease-time}) */
    public ClientStates(LockManager locks, int leaseSeconds) {
        this.locks = locks;
        this.leaseSeconds = leaseSeconds;
        this.renewEveryNanos = TimeUnit.SECONDS.toNanos(leaseSeconds) / 3;
        this.opens = new OpenStates(locks);
        opens.clientIds(this::clientIdOf);
    }

    /** The open and lock stateids of these clients (in the same lock-service). */
    public OpenStates openStates() {
        return opens;
    }

    /** The lock-service registration of a confirmed client; null without one (no lock-service, or unconfirmed). */
    public synchronized ClientRef lockClient(long clientId) {
        Client c = known(clientId);
        return c == null ? null : c.lockClient;
    }

    /** The NFSv4 client id registered as {@code ref} with the lock-service; -1 when none here. */
    public synchronized long clientIdOf(ClientRef ref) {
        for (Client c : byId.values()) {
            if (ref.equals(c.lockClient)) {
                return c.id;
            }
        }
        if (locks == null) {
            return -1;
        }
        return ClientRecords.byLockClient(locks, ref).map(this::restored).map(c -> c.id).orElse(-1L);
    }

    /**
     * SETCLIENTID (RFC 7530 §16.33.5): another principal's confirmed record of the owner is
     * CLID_INUSE while it holds opens or locks (else it is replaced); the same verifier and principal is a callback update (same client id, a new
     * confirm value that SETCLIENTID_CONFIRM must present; the state stays); else a new
     * unconfirmed record (a rebooted client: confirming it purges the old one).
     */
    public synchronized SetClientIdResult setClientId(byte[] owner, byte[] verifier, String principal) {
        String key = HexFormat.of().formatHex(owner);
        Client old = confirmedByOwner.get(key);
        if (old == null) {
            old = confirmedOf(key, owner, principal);
        }
        if (old != null && !old.principal.equals(principal)) {
            if (!opens.of(old.id).isEmpty()) {
                return new SetClientIdResult(Nfs4Status.CLID_INUSE, 0, new byte[8]);
            }
            // no state held: the other principal's record is replaced once it confirms (pynfs CID2)
            Client c = newUnconfirmed(key, owner, verifier, principal);
            return new SetClientIdResult(Nfs4Status.OK, c.id, c.confirm.clone());
        }
        if (old != null && Arrays.equals(old.verifier, verifier)) {
            byte[] update = new byte[8];
            random.nextBytes(update);
            old.pendingConfirm = update;
            return new SetClientIdResult(Nfs4Status.OK, old.id, update.clone());
        }
        Client c = newUnconfirmed(key, owner, verifier, principal);
        return new SetClientIdResult(Nfs4Status.OK, c.id, c.confirm.clone());
    }

    /**
     * EXCHANGE_ID (RFC 8881 §18.35.5): the nine cases of confirmed/unconfirmed record, update flag,
     * verifier and principal.
     */
    public synchronized Exchanged exchangeId(byte[] owner, byte[] verifier, String principal, boolean update) {
        String key = HexFormat.of().formatHex(owner);
        Client conf = confirmedOf(key, owner, principal);
        if (update) {
            if (conf == null) {
                return new Exchanged(Nfs4Status.NOENT, null);                 // case 7
            }
            if (!Arrays.equals(conf.verifier, verifier)) {
                return new Exchanged(Nfs4Status.NOT_SAME, null);              // case 8
            }
            if (!conf.principal.equals(principal)) {
                return new Exchanged(Nfs4Status.PERM, null);                  // case 9
            }
            return new Exchanged(Nfs4Status.OK, conf);                        // case 6
        }
        if (conf != null) {
            if (!conf.principal.equals(principal)) {
                if (hasSessions(conf.id)) {
                    return new Exchanged(Nfs4Status.CLID_INUSE, null);        // case 3, state held
                }
                drop(conf);                                                   // case 3, no state
            } else if (Arrays.equals(conf.verifier, verifier)) {
                return new Exchanged(Nfs4Status.OK, conf);                    // case 2
            }
            // case 5 (client restarted): the confirmed record stays until CREATE_SESSION confirms the new one
        }
        return new Exchanged(Nfs4Status.OK, newUnconfirmed(key, owner, verifier, principal)); // cases 1 and 4
    }

    private Client newUnconfirmed(String key, byte[] owner, byte[] verifier, String principal) {
        byte[] confirm = new byte[8];
        random.nextBytes(confirm);
        Client c = new Client(epoch | next++, owner, verifier, confirm, principal);
        Client stale = unconfirmedByOwner.put(key, c);
        if (stale != null) {
            byId.remove(stale.id);
        }
        byId.put(c.id, c);
        return c;
    }

    private boolean hasSessions(long clientId) {
        return sessions.values().stream().anyMatch(s -> s.clientId() == clientId);
    }

    /** An unconfirmed record not confirmed within a lease is gone (RFC 8881 §18.35.4). */
    private boolean expiredUnconfirmed(Client c) {
        return !c.confirmed && System.nanoTime() - c.createdNanos > TimeUnit.SECONDS.toNanos(leaseSeconds);
    }

    /** SETCLIENTID_CONFIRM (and CREATE_SESSION's implicit confirmation): registers with the lock-service. */
    public synchronized int confirm(long clientId, byte[] confirm) {
        Client c = known(clientId);
        if (c == null) {
            return Nfs4Status.STALE_CLIENTID;
        }
        if (confirm != null && !Arrays.equals(c.confirm, confirm)) {
            if (c.pendingConfirm == null || !Arrays.equals(c.pendingConfirm, confirm)) {
                return Nfs4Status.STALE_CLIENTID;
            }
            // a 4.0 callback update confirmed: the record and its state stay
            c.pendingConfirm = null;
        }
        if (expiredUnconfirmed(c)) {
            drop(c);
            return Nfs4Status.STALE_CLIENTID;
        }
        if (!c.confirmed) {
            String key = HexFormat.of().formatHex(c.owner);
            unconfirmedByOwner.remove(key, c);
            Client old = confirmedByOwner.put(key, c);
            if (old != null && old != c) {
                drop(old);
            }
            c.confirmed = true;
            register(c);
        } else if (c.lockClient != null && locks != null) {
            // confirmed again (4.0 callback update, a 4.1 CREATE_SESSION): if its lease ran out at
            // the lock-service meanwhile, its state is gone there; it starts afresh
            LockStatus st = locks.renewClient(c.lockClient);
            c.lockRenewedNanos = System.nanoTime();
            if (st == LockStatus.EXPIRED || st == LockStatus.BAD_STATE) {
                opens.dropClient(c.id);
                register(c);
            }
        }
        return Nfs4Status.OK;
    }

    private void register(Client c) {
        if (locks != null) {
            c.lockClient = locks.registerClient(LockProtocol.NFS4,
                    ClientRecords.key(c.owner, c.verifier, c.principal, c.id), leaseSeconds);
            c.lockRenewedNanos = System.nanoTime();
        }
    }

    /**
     * RENEW, and every SEQUENCE: renews the lock-service lease at most every third of it, so a busy
     * client does not add a lock-service call to each compound.
     */
    public synchronized int renew(long clientId) {
        Client c = known(clientId);
        if (c == null || !c.confirmed) {
            return Nfs4Status.STALE_CLIENTID;
        }
        long now = System.nanoTime();
        if (c.lockClient != null && locks != null && now - c.lockRenewedNanos > renewEveryNanos) {
            c.lockRenewedNanos = now;
            return Nfs4LockStatus.of(locks.renewClient(c.lockClient));
        }
        return Nfs4Status.OK;
    }

    /** Whether this gateway holds the client's record now (no lock-service lookup). */
    public synchronized boolean knownHere(long clientId) {
        return byId.containsKey(clientId);
    }

    public synchronized Optional<Client> client(long clientId) {
        return Optional.ofNullable(known(clientId));
    }

    /**
     * CREATE_SESSION (RFC 8881 §18.36.4): the client's create-session sequence (a retransmission of
     * the last one gets its cached result), the principal of an unconfirmed record, and the
     * implicit confirmation.
     */
    public synchronized SessionCreated createSession(long clientId, int seq, String principal,
                                                     java.util.function.Function<byte[], Session> newSession) {
        Client c = known(clientId);
        if (c == null) {
            return new SessionCreated(Nfs4Status.STALE_CLIENTID, null, null);
        }
        if (c.restored) {
            // this gateway never saw the client's create-session sequence: take it as it comes
            c.restored = false;
            c.createSessionSeq = seq;
        }
        if (c.confirmed) {
            if (seq == c.createSessionSeq - 1 && c.lastCreateSessionReply != null) {
                return new SessionCreated(c.lastCreateSessionStatus, null, c.lastCreateSessionReply.clone());
            }
        } else {
            if (expiredUnconfirmed(c)) {
                drop(c);
                return new SessionCreated(Nfs4Status.STALE_CLIENTID, null, null);
            }
            if (!c.principal.equals(principal)) {
                return new SessionCreated(Nfs4Status.CLID_INUSE, null, null);
            }
        }
        if (seq != c.createSessionSeq) {
            return new SessionCreated(Nfs4Status.SEQ_MISORDERED, null, null);
        }
        int confirmed = confirm(clientId, null);
        if (confirmed != Nfs4Status.OK) {
            return new SessionCreated(confirmed, null, null);
        }
        c.createSessionSeq++;
        byte[] id = new byte[16];
        random.nextBytes(id);
        Session s = newSession.apply(id);
        sessions.put(s.key(), s);
        return new SessionCreated(Nfs4Status.OK, s, null);
    }

    /** Keeps the result body of the client's last CREATE_SESSION for its retransmission. */
    public synchronized void rememberCreateSession(long clientId, int status, byte[] body) {
        Client c = known(clientId);
        if (c != null) {
            c.lastCreateSessionStatus = status;
            c.lastCreateSessionReply = body.clone();
        }
    }

    /** The client's sessions with a back channel (where its callbacks may go). */
    public synchronized java.util.List<Session> callbackSessions(long clientId) {
        return sessions.values().stream().filter(x -> x.clientId() == clientId && x.backChannel().isPresent()).toList();
    }

    public synchronized Optional<Session> session(byte[] id) {
        return Optional.ofNullable(sessions.get(HexFormat.of().formatHex(id)));
    }

    public synchronized int destroySession(byte[] id) {
        return sessions.remove(HexFormat.of().formatHex(id)) == null ? Nfs4Status.BADSESSION : Nfs4Status.OK;
    }

    public synchronized int destroyClient(long clientId) {
        Client c = known(clientId);
        if (c == null) {
            return Nfs4Status.STALE_CLIENTID;
        }
        if (hasSessions(clientId)) {
            return Nfs4Status.CLIENTID_BUSY;
        }
        drop(c);
        return Nfs4Status.OK;
    }

    public synchronized int reclaimComplete(long clientId) {
        Client c = known(clientId);
        if (c == null) {
            return Nfs4Status.STALE_CLIENTID;
        }
        if (c.reclaimComplete) {
            return Nfs4Status.COMPLETE_ALREADY;
        }
        c.reclaimComplete = true;
        if (c.lockClient != null && locks != null) {
            // the lock-service may end its grace period early once every client with state said so
            LockStatus st = locks.reclaimComplete(c.lockClient);
            if (!st.ok() && st != LockStatus.NO_GRACE) {
                return Nfs4LockStatus.of(st);
            }
        }
        return Nfs4Status.OK;
    }

    /** 4.1: the client sent RECLAIM_COMPLETE, so CLAIM_PREVIOUS is NO_GRACE (RFC 8881 §18.51.3). */
    public synchronized boolean reclaimDone(long clientId) {
        Client c = known(clientId);
        return c != null && c.reclaimComplete;
    }

    /**
     * The record of {@code clientId}: known here, or — after this gateway restarted — found again
     * in the lock-service and restored as confirmed (its state is there); null when neither.
     */
    private Client known(long clientId) {
        Client c = byId.get(clientId);
        if (c != null || locks == null) {
            return c;
        }
        return ClientRecords.byClientId(locks, clientId).map(this::restored).orElse(null);
    }

    /** The owner's confirmed record, restored from the lock-service when this gateway does not know it. */
    private Client confirmedOf(String key, byte[] owner, String principal) {
        Client c = confirmedByOwner.get(key);
        if (c != null || locks == null) {
            return c;
        }
        return ClientRecords.byOwner(locks, owner).stream().filter(f -> f.principal().equals(principal))
                .findFirst().map(this::restored).orElse(null);
    }

    private Client restored(ClientRecords.Found f) {
        Client known = byId.get(f.clientId());
        if (known != null) {
            return known;
        }
        byte[] confirm = new byte[8];
        random.nextBytes(confirm);
        Client c = new Client(f.clientId(), f.owner(), f.verifier(), confirm, f.principal());
        c.confirmed = true;
        c.restored = true;
        // its RECLAIM_COMPLETE went to this gateway's earlier run (the client will not send it again)
        c.reclaimComplete = true;
        c.lockClient = f.lockClient();
        c.lockRenewedNanos = System.nanoTime() - renewEveryNanos - 1;
        byId.put(c.id, c);
        confirmedByOwner.putIfAbsent(HexFormat.of().formatHex(f.owner()), c);
        return c;
    }

    /** Forgets the record, its sessions and its lock-service registration. */
    private void drop(Client c) {
        byId.remove(c.id);
        String key = HexFormat.of().formatHex(c.owner);
        confirmedByOwner.remove(key, c);
        unconfirmedByOwner.remove(key, c);
        sessions.values().removeIf(s -> s.clientId() == c.id);
        if (c.lockClient != null && locks != null) {
            locks.releaseClient(c.lockClient);
        }
        opens.dropClient(c.id);
    }
}
