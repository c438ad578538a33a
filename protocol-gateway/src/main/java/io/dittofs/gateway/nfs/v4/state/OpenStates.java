package io.dittofs.gateway.nfs.v4.state;

import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.OpenFile;
import io.dittofs.gateway.locks.ClientRef;
import io.dittofs.gateway.locks.LockManager;
import io.dittofs.gateway.locks.LockOutcome;
import io.dittofs.gateway.locks.LockSpec;
import io.dittofs.gateway.locks.LockStatus;
import io.dittofs.gateway.locks.LockTarget;
import io.dittofs.gateway.locks.OpenInfo;
import io.dittofs.gateway.locks.OpenSpec;
import io.dittofs.gateway.nfs.v4.Nfs4Status;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open and lock stateids (RFC 7530 §9.1.4, RFC 8881 §8.2). The state itself lives in the
 * lock-service: an open stateid's "other" is the lock-service's open id, whose share reservation
 * (access/deny) is checked there against every other open of the file — NFSv4 opens of other
 * clients and NLM SHARE reservations alike. A lock stateid (one per lock-owner and file) is a
 * lock-service open of the lock-owner with no access and no deny bits, so it never conflicts; the
 * owner's byte-range locks are taken "through" it (their open id), which lets the service count
 * them (LOCKS_HELD) and drop them when it is closed.
 *
 * <p>This class keeps a cache of what each stateid names and its seqid. After a gateway restart
 * a stateid the cache does not know is rebuilt from the lock-service ({@link #find}); its seqid is
 * then taken from the client, since only the gateway counted them.
 *
 * <p>Without a lock-service (tests of other areas) opens are kept here alone: no share
 * reservation is enforced and LOCK is NOTSUPP.
 *
 * <p>Lock order: after {@link ClientStates}; this object's monitor is never held while calling it.
 */
public final class OpenStates {

    public static final int STATEID_OTHER = 12;
    /** Owner bytes at the lock-service: open-owners and lock-owners are separate name spaces. */
    private static final byte OPEN_OWNER = 'O';
    private static final byte LOCK_OWNER = 'L';

    /** DELEG: a delegation stateid (its other is the lock-service grant id; see {@link Delegations}). */
    public enum Kind { OPEN, LOCK, DELEG }

    /**
     * What a stateid names. {@code file} is the file as opened for I/O (null when rebuilt after a
     * restart until the first use re-opens it); {@code parent} is a lock stateid's open (null when
     * rebuilt).
     */
    public record State(Kind kind, long clientId, ClientRef lockClient, byte[] owner, Handle handle, OpenFile file,
                        int access, int deny, int seqid, byte[] parent, int seenAccess, int seenDeny) {

        State(Kind kind, long clientId, ClientRef lockClient, byte[] owner, Handle handle, OpenFile file,
              int access, int deny, int seqid, byte[] parent) {
            this(kind, clientId, lockClient, owner, handle, file, access, deny, seqid, parent, 1 << access, 1 << deny);
        }

        public State withSeqid(int s) {
            return new State(kind, clientId, lockClient, owner, handle, file, access, deny, s, parent, seenAccess,
                    seenDeny);
        }

        public State withBits(int a, int d, int s) {
            return new State(kind, clientId, lockClient, owner, handle, file, a, d, s, parent, seenAccess, seenDeny);
        }

        public State withIo(OpenFile f) {
            return new State(kind, clientId, lockClient, owner, handle, f, access, deny, seqid, parent, seenAccess,
                    seenDeny);
        }

        /** The owner's OPENs used these access and deny values (RFC 7530 §16.19.4: a downgrade must name one of each). */
        public State seen(int a, int d) {
            return new State(kind, clientId, lockClient, owner, handle, file, access, deny, seqid, parent,
                    seenAccess | 1 << a, seenDeny | 1 << d);
        }

        public boolean mayDowngradeTo(int a, int d) {
            return (seenAccess & 1 << a) != 0 && (seenDeny & 1 << d) != 0;
        }

        /** After a downgrade only the values within the new bits remain usable for a later one. */
        State downgradedTo(int a, int d, int s) {
            int sa = 1 << a;
            int sd = 1 << d;
            for (int v = 0; v < 4; v++) {
                sa |= (v & ~a) == 0 ? seenAccess & 1 << v : 0;
                sd |= (v & ~d) == 0 ? seenDeny & 1 << v : 0;
            }
            return new State(kind, clientId, lockClient, owner, handle, file, a, d, s, parent, sa, sd);
        }

        /** The owner key the gateway groups seqids by. */
        public String ownerKey() {
            return ownerKey(kind, clientId, owner);
        }

        public static String ownerKey(Kind kind, long clientId, byte[] owner) {
            return kind + "/" + Long.toHexString(clientId) + "/" + HexFormat.of().formatHex(owner);
        }
    }

    /** @param other the stateid's other; null unless status is OK */
    public record Result(int status, byte[] other, State state, int grantBits, byte[] grantId) {
        Result(int status, byte[] other, State state) {
            this(status, other, state, 0, null);
        }

        static Result failed(int status) {
            return new Result(status, null, null);
        }
    }

    /** Maps a lock-service client id back to the NFSv4 client id; -1 when unknown. */
    public interface ClientIds {
        long of(ClientRef lockClient);
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OpenStates.class);
    private final LockManager locks;
    private final Delegations delegations = new Delegations();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private volatile ClientIds clientIds = ref -> -1;
    /** First 4 bytes of the lock-service ids seen (its start epochs): an unknown stateid with another one is stale. */
    private final java.util.Set<Integer> epochs = ConcurrentHashMap.newKeySet();
    /** Stateids of clients whose state was purged (a rebooted client confirmed anew): EXPIRED, not BAD_STATEID. */
    private final java.util.Set<String> purged = ConcurrentHashMap.newKeySet();
    private static final int MAX_PURGED = 10_000;
    private static final int MAX_EPOCHS = 64;

    /** @param locks the lock-service; null keeps opens in the gateway only (no LOCK) */
    public OpenStates(LockManager locks) {
        this.locks = locks;
    }

    public OpenStates() {
        this(null);
    }

    public void clientIds(ClientIds ids) {
        clientIds = ids;
    }

    public boolean lockService() {
        return locks != null;
    }

    private void seen(byte[] id) {
        if (id.length == STATEID_OTHER && epochs.size() < MAX_EPOCHS) {
            epochs.add(java.nio.ByteBuffer.wrap(id).getInt());
        }
    }

    /**
     * Why {@code other} names nothing: EXPIRED for a purged client's stateid, STALE_STATEID for one
     * that cannot come from the lock-service this gateway uses (another epoch; RFC 7530 §9.1.4.3),
     * else BAD_STATEID.
     */
    public int unknown(byte[] other) {
        if (purged.contains(key(other))) {
            return Nfs4Status.EXPIRED;
        }
        if (locks != null && other.length == STATEID_OTHER && !epochs.isEmpty()
                && !epochs.contains(java.nio.ByteBuffer.wrap(other).getInt())) {
            return Nfs4Status.STALE_STATEID;
        }
        return Nfs4Status.BAD_STATEID;
    }

    private static String key(byte[] other) {
        return HexFormat.of().formatHex(other);
    }

    private static byte[] tagged(byte tag, byte[] owner) {
        byte[] b = new byte[owner.length + 1];
        b[0] = tag;
        System.arraycopy(owner, 0, b, 1, owner.length);
        return b;
    }

    /**
     * OPEN: the owner's open of the file is upgraded (same stateid, seqid + 1) or a new one is
     * made (seqid 1); SHARE_DENIED when another open's deny bits meet the access, or the deny bits
     * another open's access.
     */
    public Result open(long clientId, ClientRef lockClient, byte[] owner, Handle file, OpenFile io,
                       int access, int deny, boolean reclaim) {
        return open(clientId, lockClient, owner, file, io, access, deny, reclaim, 0);
    }

    /**
     * OPEN that may also ask the lock-service for a delegation ({@code grantBits} 1 read, 3 write);
     * another client's conflicting delegation is recalled and the open answers DELAY until it is
     * returned or revoked. The result carries the grant given, if any.
     */
    public synchronized Result open(long clientId, ClientRef lockClient, byte[] owner, Handle file, OpenFile io,
                                    int access, int deny, boolean reclaim, int grantBits) {
        if (locks == null) {
            for (Map.Entry<String, State> e : states.entrySet()) {
                State s = e.getValue();
                if (s.kind() == Kind.OPEN && s.clientId() == clientId && Arrays.equals(s.owner(), owner)
                        && s.handle().equals(file)) {
                    State up = s.withBits(s.access() | access, s.deny() | deny, s.seqid() + 1).withIo(io)
                            .seen(access, deny);
                    states.put(e.getKey(), up);
                    return new Result(Nfs4Status.OK, HexFormat.of().parseHex(e.getKey()), up);
                }
            }
            byte[] other = new byte[STATEID_OTHER];
            random.nextBytes(other);
            State s = new State(Kind.OPEN, clientId, lockClient, owner.clone(), file, io, access, deny, 1, null);
            states.put(key(other), s);
            return new Result(Nfs4Status.OK, other, s);
        }
        if (lockClient == null) {
            return Result.failed(Nfs4Status.EXPIRED);
        }
        var r = locks.openOrUpgrade(new OpenSpec(file.bytes(), lockClient, tagged(OPEN_OWNER, owner), access, deny,
                reclaim), grantBits, true);
        if (!r.status().ok()) {
            return Result.failed(Nfs4LockStatus.of(r.status()));
        }
        byte[] other = r.openId();
        seen(other);
        State old = states.get(key(other));
        State s = old == null
                ? new State(Kind.OPEN, clientId, lockClient, owner.clone(), file, io, access, deny, 1, null)
                : old.withBits(old.access() | access, old.deny() | deny, old.seqid() + 1).withIo(io).seen(access, deny);
        states.put(key(other), s);
        if (r.grantBits() != 0 && r.grantId().length == STATEID_OTHER) {
            boolean write = (r.grantBits() & 2) != 0;
            states.put(key(r.grantId()), new State(Kind.DELEG, clientId, lockClient, new byte[0], file, null,
                    write ? 3 : 1, 0, 1, null));
            delegations.granted(r.grantId(), clientId, file, write);
            return new Result(Nfs4Status.OK, other, s, r.grantBits(), r.grantId());
        }
        return new Result(Nfs4Status.OK, other, s);
    }

    public Delegations delegations() {
        return delegations;
    }

    /**
     * A delegation this gateway handed out before its restart, learnt again from the lock-service's
     * break for it (the grant outlived the gateway): known again, so it can be recalled and used.
     */
    public void adoptDelegation(byte[] grantId, long clientId, ClientRef lockClient, Handle file, boolean write) {
        if (grantId.length != STATEID_OTHER || delegations.known(grantId)) {
            return;
        }
        seen(grantId);
        states.putIfAbsent(key(grantId), new State(Kind.DELEG, clientId, lockClient, new byte[0], file, null,
                write ? 3 : 1, 0, 1, null));
        delegations.granted(grantId, clientId, file, write);
    }

    /**
     * DELEGRETURN (or FREE_STATEID of a revoked delegation, DELEGPURGE): the grant goes back to the
     * lock-service, which lets the opens waiting for its recall go on.
     */
    public int returnDelegation(byte[] other) {
        states.remove(key(other));
        delegations.remove(other);
        if (locks != null) {
            LockStatus st = locks.ackBreak(other, 0);
            if (st == LockStatus.DELAY) {
                return Nfs4Status.DELAY;
            }
        }
        return Nfs4Status.OK;
    }

    /** The recall failed or ran out: the delegation is revoked here; the lock-service drops it too. */
    public void revokeDelegation(byte[] other) {
        states.remove(key(other));
        if (delegations.revoke(other).isPresent() && locks != null) {
            locks.ackBreak(other, 0);
        }
    }

    /**
     * REMOVE, RENAME, LINK or SETATTR of the size by {@code lockClient} (null: a 4.0 caller, whose
     * client the operation does not name): OK, or DELAY while another client's delegation of the
     * file is recalled. Asked only while this gateway has delegations out, with a short-lived open
     * (access {@code access}) that is closed at once.
     */
    public int breakDelegations(ClientRef lockClient, Handle file, int access) {
        if (locks == null || !delegations.any()) {
            return Nfs4Status.OK;
        }
        ClientRef who = lockClient != null ? lockClient : anonymousClient();
        if (who == null) {
            return Nfs4Status.OK;
        }
        byte[] owner = new byte[9];
        random.nextBytes(owner);
        owner[0] = 'B';
        var r = locks.openOrUpgrade(new OpenSpec(file.bytes(), who, owner, access, 0, false), 0, true);
        if (r.status().ok()) {
            locks.close(r.openId());
        }
        if (r.status() == LockStatus.EXPIRED || r.status() == LockStatus.BAD_STATE) {
            anonymous = null;
        }
        // SHARE_DENIED and GRACE leave the decision to the operation as before; only a recall waits
        return r.status() == LockStatus.BREAK_PENDING || r.status() == LockStatus.DELAY ? Nfs4Status.DELAY
                : Nfs4Status.OK;
    }

    /** The cached state only (no lock-service call). */
    public State cached(byte[] other) {
        return states.get(key(other));
    }

    /**
     * The state {@code other} names: from the cache, or rebuilt from the lock-service (a stateid
     * of this gateway's earlier run); null when unknown (BAD_STATEID). A rebuilt state takes
     * {@code seqid} as its current one.
     */
    public State find(byte[] other, int seqid) {
        State s = states.get(key(other));
        if (s != null || locks == null || other.length != STATEID_OTHER) {
            return s;
        }
        OpenInfo info = locks.getOpen(other);
        if (!info.status().ok() || info.owner().length == 0) {
            return null;
        }
        seen(other);
        long clientId = clientIds.of(info.client());
        if (clientId == -1) {
            return null;
        }
        Kind kind = info.owner()[0] == LOCK_OWNER ? Kind.LOCK : Kind.OPEN;
        byte[] owner = Arrays.copyOfRange(info.owner(), 1, info.owner().length);
        Handle file;
        try {
            file = Handle.of(info.file());
        } catch (IllegalArgumentException e) {
            return null;
        }
        // a lock state's own bits are none; I/O through it may do what the client's open allowed, which
        // the service does not record for it: the re-open for I/O checks the caller's permissions
        int access = kind == Kind.LOCK ? 3 : info.access();
        // which access/deny values its OPENs used is not known any more: any downgrade within the bits goes
        State rebuilt = new State(kind, clientId, info.client(), owner, file, null, access, info.deny(), seqid, null,
                0b1111, 0b1111);
        synchronized (this) {
            State raced = states.putIfAbsent(key(other), rebuilt);
            return raced == null ? rebuilt : raced;
        }
    }

    /**
     * A lock stateid allows the I/O its open allows now (an OPEN upgrade or OPEN_DOWNGRADE after the
     * lock-owner was made changes it): the open's current access and file, when the open is known.
     */
    public State effective(State s) {
        if (s.kind() != Kind.LOCK || s.parent() == null) {
            return s;
        }
        State open = states.get(key(s.parent()));
        return open == null ? s : s.withBits(open.access(), s.deny(), s.seqid()).withIo(open.file());
    }

    public synchronized State replace(byte[] other, State s) {
        states.put(key(other), s);
        return s;
    }

    /** OPEN_DOWNGRADE: the seqid-bumped state, or the lock-service's refusal. */
    public synchronized Result downgrade(byte[] other, State s, int access, int deny) {
        if (locks != null) {
            LockStatus st = locks.downgrade(other, access, deny);
            if (!st.ok()) {
                return Result.failed(Nfs4LockStatus.of(st));
            }
        }
        State next = s.downgradedTo(access, deny, s.seqid() + 1);
        states.put(key(other), next);
        return new Result(Nfs4Status.OK, other, next);
    }

    /**
     * CLOSE: LOCKS_HELD while a lock-owner still holds byte-range locks through this open (RFC
     * 7530 §16.2.4); otherwise its lock stateids end with it.
     */
    public synchronized int close(byte[] other) {
        List<String> derived = new ArrayList<>();
        for (Map.Entry<String, State> e : states.entrySet()) {
            if (e.getValue().parent() != null && Arrays.equals(e.getValue().parent(), other)) {
                derived.add(e.getKey());
            }
        }
        if (locks != null) {
            for (String d : derived) {
                OpenInfo info = locks.getOpen(HexFormat.of().parseHex(d));
                if (info.status().ok() && info.lockCount() > 0) {
                    return Nfs4Status.LOCKS_HELD;
                }
            }
            for (String d : derived) {
                locks.close(HexFormat.of().parseHex(d));
            }
            LockStatus st = locks.close(other);
            if (!st.ok() && st != LockStatus.BAD_STATE) {
                return Nfs4LockStatus.of(st);
            }
        }
        derived.forEach(states::remove);
        states.remove(key(other));
        return Nfs4Status.OK;
    }

    /**
     * The lock stateid of {@code lockOwner} on the file of {@code open} (open_to_lock_owner4): the
     * existing one, or a new one (seqid 0, the first LOCK makes it 1).
     */
    public synchronized Result lockState(byte[] openOther, State open, byte[] lockOwner) {
        if (locks == null) {
            return Result.failed(Nfs4Status.NOTSUPP);
        }
        for (Map.Entry<String, State> e : states.entrySet()) {
            State s = e.getValue();
            if (s.kind() == Kind.LOCK && s.clientId() == open.clientId() && Arrays.equals(s.owner(), lockOwner)
                    && s.handle().equals(open.handle())) {
                return new Result(Nfs4Status.OK, HexFormat.of().parseHex(e.getKey()), s);
            }
        }
        // the lock-service finds the owner's lock state again if this gateway restarted since it made it
        var r = locks.openOrUpgrade(new OpenSpec(open.handle().bytes(), open.lockClient(), tagged(LOCK_OWNER, lockOwner),
                0, 0, false));
        if (!r.status().ok()) {
            return Result.failed(Nfs4LockStatus.of(r.status()));
        }
        seen(r.openId());
        State s = states.get(key(r.openId()));
        if (s == null) {
            s = new State(Kind.LOCK, open.clientId(), open.lockClient(), lockOwner.clone(), open.handle(), open.file(),
                    open.access(), 0, 0, openOther.clone());
            states.put(key(r.openId()), s);
        }
        return new Result(Nfs4Status.OK, r.openId(), s);
    }

    private static LockTarget target(State lock, long offset, long length) {
        return new LockTarget(lock.handle().bytes(), lock.lockClient(), tagged(LOCK_OWNER, lock.owner()), offset, length);
    }

    /** LOCK through a lock stateid (POSIX: the owner's ranges merge and split). */
    public LockOutcome lock(byte[] lockOther, State lock, boolean exclusive, long offset, long length, boolean reclaim) {
        return locks.lock(new LockSpec(target(lock, offset, length), exclusive, false, reclaim, lockOther));
    }

    /** LOCKT: whether {@code owner} of the client could lock the range. */
    public LockOutcome test(ClientRef client, byte[] owner, Handle file, boolean exclusive, long offset, long length) {
        return locks.test(new LockSpec(new LockTarget(file.bytes(), client, tagged(LOCK_OWNER, owner), offset, length),
                exclusive, false, false, null));
    }

    public LockStatus unlock(State lock, long offset, long length) {
        return locks.unlock(target(lock, offset, length));
    }

    /** A conflicting lock's owner as NFSv4 reports it: an NFSv4 lock-owner's own bytes, others as the service has them. */
    public static byte[] conflictOwner(LockOutcome.Conflict c) {
        byte[] o = c.owner();
        if (c.protocol() == io.dittofs.gateway.locks.LockProtocol.NFS4 && o.length > 0 && o[0] == LOCK_OWNER) {
            return Arrays.copyOfRange(o, 1, o.length);
        }
        return o;
    }

    /** RELEASE_LOCKOWNER: LOCKS_HELD while the owner holds locks on any file, else its lock stateids end. */
    public synchronized int releaseLockOwner(long clientId, byte[] owner) {
        List<String> mine = new ArrayList<>();
        for (Map.Entry<String, State> e : states.entrySet()) {
            State s = e.getValue();
            if (s.kind() == Kind.LOCK && s.clientId() == clientId && Arrays.equals(s.owner(), owner)) {
                mine.add(e.getKey());
            }
        }
        if (locks != null) {
            for (String k : mine) {
                OpenInfo info = locks.getOpen(HexFormat.of().parseHex(k));
                if (info.status().ok() && info.lockCount() > 0) {
                    return Nfs4Status.LOCKS_HELD;
                }
            }
            for (String k : mine) {
                locks.close(HexFormat.of().parseHex(k));
            }
        }
        mine.forEach(states::remove);
        return Nfs4Status.OK;
    }

    /** FREE_STATEID of a lock stateid: LOCKS_HELD while its owner holds locks through it. */
    public synchronized int freeLockState(byte[] other) {
        if (locks != null) {
            OpenInfo info = locks.getOpen(other);
            if (info.status().ok() && info.lockCount() > 0) {
                return Nfs4Status.LOCKS_HELD;
            }
            locks.close(other);
        }
        states.remove(key(other));
        return Nfs4Status.OK;
    }

    private volatile ClientRef anonymous;

    /**
     * READ or WRITE with a special stateid (RFC 7530 §9.1.4.3) must respect share reservations:
     * LOCKED when an open denies that access. Asked by a short-lived open of the gateway's own
     * anonymous client, closed at once.
     */
    public int anonymousIo(Handle file, boolean write) {
        if (locks == null) {
            return Nfs4Status.OK;
        }
        ClientRef anon = anonymousClient();
        if (anon == null) {
            return Nfs4Status.OK;
        }
        byte[] owner = new byte[9];
        random.nextBytes(owner);
        owner[0] = 'A';
        var r = locks.open(new OpenSpec(file.bytes(), anon, owner, write ? OpenSpec.WRITE : OpenSpec.READ, 0, false));
        if (r.status() == LockStatus.SHARE_DENIED) {
            return Nfs4Status.LOCKED;
        }
        if (r.status() == LockStatus.EXPIRED || r.status() == LockStatus.BAD_STATE) {
            anonymous = null;
        }
        if (r.status().ok()) {
            locks.close(r.openId());
        }
        // GRACE or the lock-service unreachable: the I/O goes on as it did without share checks
        return Nfs4Status.OK;
    }

    private ClientRef anonymousClient() {
        ClientRef anon = anonymous;
        if (anon == null) {
            try {
                anon = locks.registerClient(io.dittofs.gateway.locks.LockProtocol.NFS4,
                        "nfs4-anonymous-io".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0);
            } catch (io.dittofs.gateway.locks.LockServiceException e) {
                log.warn("registering the anonymous NFSv4 client failed: {}", e.toString());
                return null;
            }
            anonymous = anon;
        }
        return anon;
    }

    /** Forgets a client's states here (its lock-service client was released, which dropped them there). */
    public void dropClient(long clientId) {
        delegations.dropClient(clientId);
        states.entrySet().removeIf(e -> {
            if (e.getValue().clientId() != clientId) {
                return false;
            }
            if (purged.size() >= MAX_PURGED) {
                purged.clear();
            }
            purged.add(e.getKey());
            return true;
        });
    }

    /** Stateids the client holds (for tests). */
    public List<State> of(long clientId) {
        return states.values().stream().filter(s -> s.clientId() == clientId).toList();
    }
}
