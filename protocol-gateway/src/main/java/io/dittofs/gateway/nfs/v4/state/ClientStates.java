package io.dittofs.gateway.nfs.v4.state;

import io.dittofs.gateway.locks.ClientRef;
import io.dittofs.gateway.locks.LockManager;
import io.dittofs.gateway.locks.LockProtocol;
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
        boolean confirmed;
        boolean reclaimComplete;
        int createSessionSeq = 1;
        ClientRef lockClient;
        long lockRenewedNanos;

        Client(long id, byte[] owner, byte[] verifier, byte[] confirm) {
            this.id = id;
            this.owner = owner.clone();
            this.verifier = verifier.clone();
            this.confirm = confirm.clone();
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

    public record SetClientIdResult(long clientId, byte[] confirm) {
    }

    private static final long RENEW_EVERY_NANOS = TimeUnit.SECONDS.toNanos(Fattr4.LEASE_SECONDS / 3);

    private final LockManager locks;
    private final SecureRandom random = new SecureRandom();
    /** Client ids carry this boot's epoch so ids of an earlier gateway run are STALE_CLIENTID. */
    private final long epoch = (System.currentTimeMillis() / 1000) << 32;
    private long next = 1;
    private final Map<Long, Client> byId = new HashMap<>();
    private final Map<String, Client> byOwner = new HashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();

    /** @param locks where confirmed clients are registered; null only in tests without a lock-service */
    public ClientStates(LockManager locks) {
        this.locks = locks;
    }

    /** SETCLIENTID / EXCHANGE_ID: a new unconfirmed record unless the same owner and verifier exist confirmed. */
    public synchronized Client establish(byte[] owner, byte[] verifier) {
        String key = HexFormat.of().formatHex(owner);
        Client old = byOwner.get(key);
        if (old != null && old.confirmed && Arrays.equals(old.verifier, verifier)) {
            return old;
        }
        byte[] confirm = new byte[8];
        random.nextBytes(confirm);
        Client c = new Client(epoch | next++, owner, verifier, confirm);
        byId.put(c.id, c);
        if (old == null || !old.confirmed) {
            byOwner.put(key, c);
        }
        return c;
    }

    public SetClientIdResult setClientId(byte[] owner, byte[] verifier) {
        Client c = establish(owner, verifier);
        return new SetClientIdResult(c.id, c.confirm.clone());
    }

    /** SETCLIENTID_CONFIRM (and CREATE_SESSION's implicit confirmation): registers with the lock-service. */
    public synchronized int confirm(long clientId, byte[] confirm) {
        Client c = byId.get(clientId);
        if (c == null) {
            return Nfs4Status.STALE_CLIENTID;
        }
        if (confirm != null && !Arrays.equals(c.confirm, confirm)) {
            return Nfs4Status.STALE_CLIENTID;
        }
        if (!c.confirmed) {
            String key = HexFormat.of().formatHex(c.owner);
            Client old = byOwner.put(key, c);
            if (old != null && old != c) {
                drop(old);
            }
            c.confirmed = true;
            if (locks != null) {
                c.lockClient = locks.registerClient(LockProtocol.NFS4, key.getBytes(StandardCharsets.UTF_8),
                        Fattr4.LEASE_SECONDS);
                c.lockRenewedNanos = System.nanoTime();
            }
        }
        return Nfs4Status.OK;
    }

    /**
     * RENEW, and every SEQUENCE: renews the lock-service lease at most every third of it, so a busy
     * client does not add a lock-service call to each compound.
     */
    public synchronized int renew(long clientId) {
        Client c = byId.get(clientId);
        if (c == null || !c.confirmed) {
            return Nfs4Status.STALE_CLIENTID;
        }
        long now = System.nanoTime();
        if (c.lockClient != null && locks != null && now - c.lockRenewedNanos > RENEW_EVERY_NANOS) {
            c.lockRenewedNanos = now;
            return Nfs4LockStatus.of(locks.renewClient(c.lockClient));
        }
        return Nfs4Status.OK;
    }

    public synchronized Optional<Client> client(long clientId) {
        return Optional.ofNullable(byId.get(clientId));
    }

    /** CREATE_SESSION: checks the client's create-session sequence and confirms it. */
    public synchronized int createSession(long clientId, int seq, Session[] created, int slots, int maxOps) {
        Client c = byId.get(clientId);
        if (c == null) {
            return Nfs4Status.STALE_CLIENTID;
        }
        if (seq != c.createSessionSeq) {
            return Nfs4Status.SEQ_MISORDERED;
        }
        int confirmed = confirm(clientId, null);
        if (confirmed != Nfs4Status.OK) {
            return confirmed;
        }
        c.createSessionSeq++;
        byte[] id = new byte[16];
        random.nextBytes(id);
        Session s = new Session(id, clientId, slots, maxOps);
        sessions.put(s.key(), s);
        created[0] = s;
        return Nfs4Status.OK;
    }

    public synchronized Optional<Session> session(byte[] id) {
        return Optional.ofNullable(sessions.get(HexFormat.of().formatHex(id)));
    }

    public synchronized int destroySession(byte[] id) {
        return sessions.remove(HexFormat.of().formatHex(id)) == null ? Nfs4Status.BADSESSION : Nfs4Status.OK;
    }

    public synchronized int destroyClient(long clientId) {
        Client c = byId.get(clientId);
        if (c == null) {
            return Nfs4Status.STALE_CLIENTID;
        }
        if (sessions.values().stream().anyMatch(s -> s.clientId() == clientId)) {
            return Nfs4Status.CLIENTID_BUSY;
        }
        drop(c);
        return Nfs4Status.OK;
    }

    public synchronized int reclaimComplete(long clientId) {
        Client c = byId.get(clientId);
        if (c == null) {
            return Nfs4Status.STALE_CLIENTID;
        }
        if (c.reclaimComplete) {
            return Nfs4Status.COMPLETE_ALREADY;
        }
        c.reclaimComplete = true;
        return Nfs4Status.OK;
    }

    private void drop(Client c) {
        byId.remove(c.id);
        byOwner.remove(HexFormat.of().formatHex(c.owner), c);
        if (c.lockClient != null && locks != null) {
            locks.releaseClient(c.lockClient);
        }
    }
}
