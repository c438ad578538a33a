package io.dittofs.gateway.nfs.v4.state;

import io.dittofs.gateway.fs.model.Handle;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The gateway's view of the NFSv4 delegations it handed out (RFC 7530 §10.2, RFC 8881 §10.2). The
 * delegation itself is a caching grant in the lock-service (READ for a read delegation, READ|WRITE
 * for a write delegation), held by the client, so it conflicts there with every other client's
 * and protocol's opens; its stateid's "other" is the grant id. This keeps what a recall needs: the
 * client and file, and when a recall started, its deadline. A delegation not returned by the
 * deadline is revoked (the lock-service drops the grant then); its stateid answers DELEG_REVOKED
 * (4.1; EXPIRED for READ/WRITE in 4.0, which has no such error) until the client frees it
 * (FREE_STATEID; DELEGRETURN in 4.0) — and until then a 4.1 client's SEQUENCE carries
 * SEQ4_STATUS_RECALLABLE_STATE_REVOKED.
 */
public final class Delegations {

    /** @param recallDeadlineMs 0 while not recalled */
    public record Deleg(byte[] other, long clientId, Handle handle, boolean write, long recallDeadlineMs) {

        public boolean recalled() {
            return recallDeadlineMs != 0;
        }
    }

    /** What a delegation stateid names now. */
    public enum Status { LIVE, REVOKED, UNKNOWN }

    private static final int MAX_REVOKED = 10_000;

    private final Map<String, Deleg> live = new ConcurrentHashMap<>();
    private final Map<String, Deleg> revoked = new ConcurrentHashMap<>();
    /** The keys of delegations being recalled: the only ones a deadline can revoke (every stateid use sweeps them). */
    private final java.util.Set<String> recalls = ConcurrentHashMap.newKeySet();
    private final LongSupplier clock;
    /**
     * Per write delegation asked with CB_GETATTR: {the change the holder reported last, the change
     * this server answers for the file} (RFC 8881 §10.4.3).
     */
    private final Map<String, long[]> holderChanges = new ConcurrentHashMap<>();

    public Delegations() {
        this(System::currentTimeMillis);
    }

    public Delegations(LongSupplier clock) {
        this.clock = clock;
    }

    private static String key(byte[] other) {
        return HexFormat.of().formatHex(other);
    }

    public void granted(byte[] other, long clientId, Handle handle, boolean write) {
        live.put(key(other), new Deleg(other.clone(), clientId, handle, write, 0));
    }

    /**
     * A recall starts (the lock-service's break event): the delegation, when it is known here and
     * was not being recalled yet (a break the lock-service sends again is not recalled twice).
     */
    public Optional<Deleg> recalling(byte[] other, long deadlineMs) {
        Deleg[] started = new Deleg[1];
        live.computeIfPresent(key(other), (k, d) -> {
            if (d.recalled()) {
                return d;
            }
            started[0] = new Deleg(d.other(), d.clientId(), d.handle(), d.write(), Math.max(1, deadlineMs));
            return started[0];
        });
        if (started[0] != null) {
            recalls.add(key(other));
        }
        return Optional.ofNullable(started[0]);
    }

    /** Whether {@code other} is a delegation known here (live or revoked). */
    public boolean known(byte[] other) {
        String k = key(other);
        return live.containsKey(k) || revoked.containsKey(k);
    }

    /** Whether any delegation is out at all (conflicting REMOVE/RENAME/SETATTR ask the lock-service only then). */
    public boolean any() {
        return !live.isEmpty();
    }

    public Status status(byte[] other) {
        sweep();
        String k = key(other);
        if (live.containsKey(k)) {
            return Status.LIVE;
        }
        return revoked.containsKey(k) ? Status.REVOKED : Status.UNKNOWN;
    }

    public Optional<Deleg> find(byte[] other) {
        sweep();
        String k = key(other);
        Deleg d = live.get(k);
        return Optional.ofNullable(d != null ? d : revoked.get(k));
    }

    /** The client's live delegation of the file, if any (a second OPEN gets no second delegation; CLAIM_DELEGATE_CUR). */
    public Optional<Deleg> heldBy(long clientId, Handle handle) {
        sweep();
        return live.values().stream().filter(d -> d.clientId() == clientId && d.handle().equals(handle)).findFirst();
    }

    /**
     * Another client's write delegation of the file that is not being recalled: a GETATTR of its
     * change or size asks the holder with CB_GETATTR. {@code caller} is the asking client.
     */
    public Optional<Deleg> writeHeldByOther(Handle handle, long caller) {
        sweep();
        return live.values().stream().filter(d -> d.write() && !d.recalled() && d.clientId() != caller
                && d.handle().equals(handle)).findFirst();
    }

    /**
     * The change attribute to answer after the holder of write delegation {@code other} reported
     * {@code holderChange} (RFC 8881 §10.4.3): the server's own while the holder reports what it
     * was given; one more than the last answer each time the holder's value moves (it modified the
     * file in its cache), so a client that saw one value sees a different one after a change.
     */
    public long changeAfterCallback(byte[] other, long serverChange, long holderChange) {
        long[] out = new long[1];
        holderChanges.compute(key(other), (k, prev) -> {
            long answered = prev == null ? serverChange : Math.max(prev[1], serverChange);
            long lastHeld = prev == null ? serverChange : prev[0];
            if (holderChange != lastHeld) {
                answered++;
            }
            out[0] = answered;
            return new long[] {holderChange, answered};
        });
        return out[0];
    }

    /** DELEGRETURN or FREE_STATEID: the delegation is gone here. */
    public Optional<Deleg> remove(byte[] other) {
        String k = key(other);
        recalls.remove(k);
        holderChanges.remove(k);
        Deleg d = live.remove(k);
        Deleg r = revoked.remove(k);
        return Optional.ofNullable(d != null ? d : r);
    }

    /** Revokes at once (the client's callback path failed the recall). */
    public Optional<Deleg> revoke(byte[] other) {
        String k = key(other);
        recalls.remove(k);
        holderChanges.remove(k);
        Deleg d = live.remove(k);
        if (d != null) {
            putRevoked(k, d);
        }
        return Optional.ofNullable(d);
    }

    /** Whether the client has revoked delegations it has not freed yet (SEQ4_STATUS_RECALLABLE_STATE_REVOKED). */
    public boolean hasRevoked(long clientId) {
        sweep();
        return revoked.values().stream().anyMatch(d -> d.clientId() == clientId);
    }

    /** Whether the client holds delegations, live or revoked and not yet returned or freed. */
    public boolean anyOf(long clientId) {
        return live.values().stream().anyMatch(d -> d.clientId() == clientId)
                || revoked.values().stream().anyMatch(d -> d.clientId() == clientId);
    }

    /** The client's live delegations (DELEGPURGE, client expiry). */
    public List<Deleg> of(long clientId) {
        List<Deleg> out = new ArrayList<>();
        live.values().stream().filter(d -> d.clientId() == clientId).forEach(out::add);
        return out;
    }

    /** Forgets everything of a client (its lock-service client was released: the grants went with it). */
    public void dropClient(long clientId) {
        live.values().removeIf(d -> d.clientId() == clientId);
        recalls.removeIf(k -> !live.containsKey(k));
        holderChanges.keySet().removeIf(k -> !live.containsKey(k));
        revoked.values().removeIf(d -> d.clientId() == clientId);
    }

    /** Recalls past their deadline are revoked (the lock-service's housekeeping drops the grant at that time too). */
    private void sweep() {
        if (recalls.isEmpty()) {
            return;
        }
        long now = clock.getAsLong();
        for (String k : recalls) {
            Deleg d = live.get(k);
            if (d == null) {
                recalls.remove(k);
            } else if (now >= d.recallDeadlineMs() && live.remove(k, d)) {
                recalls.remove(k);
                putRevoked(k, d);
            }
        }
    }

    private void putRevoked(String k, Deleg d) {
        holderChanges.remove(k);
        if (revoked.size() >= MAX_REVOKED) {
            revoked.clear();
        }
        revoked.put(k, d);
    }
}
