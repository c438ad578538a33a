package io.dittofs.gateway.nfs.v4.state;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An NFSv4.1 session (RFC 8881 §2.10): its fore-channel slot table and, per slot, the sequence id
 * last seen and the whole reply to it (the exactly-once replay cache). Slots are guarded by this
 * object's monitor; see {@link ClientStates} for the lock order.
 */
public final class Session {

    /** What a SEQUENCE found in its slot. */
    public enum SlotCheck { NEW, REPLAY, RETRY_UNCACHED, MISORDERED, BADSLOT }

    private final byte[] id;
    private final long clientId;
    private final int maxOps;
    private final long[] seqids;
    private final byte[][] replies;

    public Session(byte[] id, long clientId, int slots, int maxOps) {
        this.id = id.clone();
        this.clientId = clientId;
        this.maxOps = maxOps;
        this.seqids = new long[slots];
        this.replies = new byte[slots][];
    }

    public byte[] id() {
        return id.clone();
    }

    public String key() {
        return HexFormat.of().formatHex(id);
    }

    public long clientId() {
        return clientId;
    }

    public int slots() {
        return seqids.length;
    }

    public int maxOps() {
        return maxOps;
    }

    /** Checks {@code seqid} against the slot; a NEW request advances it (RFC 8881 §2.10.6.1). */
    public synchronized SlotCheck use(int slot, int seqid) {
        if (slot < 0 || slot >= seqids.length) {
            return SlotCheck.BADSLOT;
        }
        long s = Integer.toUnsignedLong(seqid);
        long expected = (seqids[slot] + 1) & 0xffffffffL;
        if (s == expected) {
            seqids[slot] = s;
            replies[slot] = null;
            return SlotCheck.NEW;
        }
        if (s == seqids[slot]) {
            return replies[slot] == null ? SlotCheck.RETRY_UNCACHED : SlotCheck.REPLAY;
        }
        return SlotCheck.MISORDERED;
    }

    public synchronized byte[] cached(int slot) {
        return replies[slot] == null ? null : replies[slot].clone();
    }

    /** The complete COMPOUND reply to the slot's current request. */
    public synchronized void remember(int slot, byte[] reply) {
        if (slot >= 0 && slot < replies.length) {
            replies[slot] = reply.clone();
        }
    }

    @Override
    public String toString() {
        return "Session[" + key() + " client " + clientId + " " + Arrays.toString(seqids) + "]";
    }
}
